package dev.authwatch.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the configured users with a store the tests change while the service runs. */
@TestConfiguration(proxyBeanMethods = false)
class MutableUsersConfiguration {

	@Bean
	@Primary
	MutableUserStore mutableUserStore() {
		return new MutableUserStore();
	}

}
