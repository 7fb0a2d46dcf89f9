package dev.authwatch.store;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both backends share; each backend's own beans are in
 * {@link MemoryStoreConfiguration} and {@link RedisStoreConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/**
	 * Caps refresh families in memory (each keeps the hashes of its used tokens until it
	 * expires), and users revoked.
	 */
	static final long MAX_IN_MEMORY_FAMILIES = 100_000;

	/**
	 * The user revocations this instance knows; with Redis, a copy of those made on or
	 * heard of by this instance.
	 */
	@Bean
	LocalUserRevocations localUserRevocations(Clock clock) {
		return new LocalUserRevocations(MAX_IN_MEMORY_FAMILIES, clock);
	}

}
