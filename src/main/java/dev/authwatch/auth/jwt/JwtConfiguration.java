package dev.authwatch.auth.jwt;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerClaims;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	@Bean
	Authenticator jwtAuthenticator(BearerClaims bearerClaims,
			AccessTokenValidator validator, AuthMetrics metrics) {
		return new JwtAuthenticator(bearerClaims, validator, metrics);
	}

}
