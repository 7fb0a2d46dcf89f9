package dev.authwatch.ratelimit;

import dev.authwatch.auth.HandshakeGate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimit rateLimit(RateLimitProperties properties) {
		return new RateLimit(properties);
	}

	@Bean
	HandshakeGate rateLimitingHandshakeGate(RateLimit limits) {
		return new RateLimitingHandshakeGate(limits);
	}

}
