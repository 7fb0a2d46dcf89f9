package dev.authwatch.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	/**
	 * One keyed hash for user ids across the monitor and events, so they can be
	 * correlated.
	 */
	@Bean
	UserKeys userKeys() {
		return new UserKeys();
	}

}
