package dev.authwatch.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the service takes from the system it runs on: the clock, which tests replace. */
@Configuration(proxyBeanMethods = false)
public class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
