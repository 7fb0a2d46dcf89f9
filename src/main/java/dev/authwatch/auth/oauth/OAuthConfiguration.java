package dev.authwatch.auth.oauth;

import java.time.Clock;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerClaims;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.OAuthMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code oauth} chain method, on only when {@code authwatch.oauth.issuer},
 * {@code introspection-uri} or {@code jwks-uri} is set; otherwise no bean here exists,
 * the chain skips the method and bearer routing stays jwt-only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnOAuthConfiguredCondition.class)
class OAuthConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(OAuthConfiguration.class);

	/**
	 * The resilience4j instance guarding provider calls; configured under
	 * {@code resilience4j.circuitbreaker.instances.oauth}.
	 */
	static final String BREAKER = "oauth";

	@Bean
	BearerTokenRouter.ExternalProvider oauthExternalProvider(OAuthProperties properties) {
		return new BearerTokenRouter.ExternalProvider(properties.issuer());
	}

	@Bean
	OAuthTokenValidator oauthTokenValidator(OAuthProperties properties, Clock clock, CircuitBreakerRegistry breakers,
			OAuthMetrics oauthMetrics, AuthMetrics metrics) {
		ProviderClaims claims = new ProviderClaims(properties, clock);
		ProviderJwtValidator jwts = null;
		if (properties.jwksUri() != null) {
			JwksCache cache = new JwksCache(properties.jwksCacheTtl(), properties.jwksRefreshCooldown(), oauthMetrics,
					System::nanoTime);
			jwts = new ProviderJwtValidator(properties.jwksUri().toString(), properties.jwsAlgorithms(),
					ProviderHttp.restTemplate(properties.timeout()), cache, claims);
		}
		IntrospectionValidator introspection = null;
		if (properties.introspectionUri() != null) {
			introspection = new IntrospectionValidator(properties.introspectionUri(), properties.clientId(),
					properties.clientSecret(), properties.timeout(), claims, oauthMetrics, metrics);
		}
		logger.info("OAuth method: issuer {}, JWK set {}, introspection {}, timeout {}", properties.issuer(),
				properties.jwksUri(), properties.introspectionUri(), properties.timeout());
		if (properties.audience() == null || properties.audience().isBlank()) {
			logger.warn("authwatch.oauth.audience is not set: every active token the provider introspects is accepted, "
					+ "including tokens it issued for other services; set it to the aud the provider gives AuthWatch's tokens");
		}
		return new OAuthTokenValidator(jwts, introspection, breakers.circuitBreaker(BREAKER), properties, clock);
	}

	@Bean
	Authenticator oauthAuthenticator(BearerClaims bearerClaims, OAuthTokenValidator oauthTokenValidator) {
		return new OAuthAuthenticator(bearerClaims, oauthTokenValidator);
	}

}
