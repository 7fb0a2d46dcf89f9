package dev.authwatch.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** One keyed hash for user ids across the monitor and events, so they can be correlated. */
	@Bean
	UserKeys userKeys() {
		return new UserKeys();
	}

}
