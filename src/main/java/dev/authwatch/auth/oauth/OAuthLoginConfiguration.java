package dev.authwatch.auth.oauth;

import dev.authwatch.metrics.OAuthMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * OAuth login (authorization code + PKCE), on only when
 * {@code authwatch.oauth.authorization-uri} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnOAuthLoginConfiguredCondition.class)
class OAuthLoginConfiguration {

	@Bean
	AuthorizationRequests oauthAuthorizationRequests(OAuthProperties properties) {
		return new AuthorizationRequests(properties.stateTtl());
	}

	@Bean
	OAuthLoginClient oauthLoginClient(OAuthProperties properties, CircuitBreakerRegistry breakers,
			OAuthMetrics metrics) {
		return new OAuthLoginClient(ProviderHttp.restClient(properties.timeout()), properties,
				breakers.circuitBreaker(OAuthConfiguration.BREAKER), metrics);
	}

}
