package dev.authwatch.events;

import java.time.Clock;

import dev.authwatch.crypto.UserKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	AuthEventLog authEventLog(EventsProperties properties, UserKeys userKeys, Clock clock) {
		return new AuthEventLog(properties.capacity(), userKeys, clock);
	}

	@Bean
	AuthAttemptEvents authAttemptEvents(AuthEventLog log) {
		return new AuthAttemptEvents(log);
	}

	@Bean
	JwtConfigEvents jwtConfigEvents(AuthEventLog log) {
		return new JwtConfigEvents(log);
	}

	@Bean
	AuthAttemptLog authAttemptLog() {
		return new AuthAttemptLog();
	}

}
