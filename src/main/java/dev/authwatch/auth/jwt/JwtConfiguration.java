package dev.authwatch.auth.jwt;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	@Bean
	Authenticator jwtAuthenticator(BearerTokenResolver bearerTokenResolver, BearerTokenRouter bearerTokenRouter,
			AccessTokenValidator validator, AuthMetrics metrics) {
		return new JwtAuthenticator(bearerTokenResolver, bearerTokenRouter, validator, metrics);
	}

}
