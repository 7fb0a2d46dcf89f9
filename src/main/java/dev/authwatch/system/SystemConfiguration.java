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

}
