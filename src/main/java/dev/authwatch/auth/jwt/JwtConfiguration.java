package dev.authwatch.auth.jwt;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerClaims;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.auth.RevocationCheck;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	@Bean
	Authenticator jwtAuthenticator(BearerClaims bearerClaims, AccessTokenValidator validator, AuthMetrics metrics) {
		return new JwtAuthenticator(bearerClaims, validator, metrics);
	}

	/** The issuer that tells this service's own tokens from an external provider's. */
	@Bean
	BearerTokenRouter bearerTokenRouter(JwtProperties jwt,
			ObjectProvider<BearerTokenRouter.ExternalProvider> provider) {
		return new BearerTokenRouter(jwt.issuer(), provider.getIfAvailable());
	}

	/**
	 * Also the chain's last gate: every method's principal passes the revocation check.
	 */
	@Bean
	Admission admission(AccessTokenValidator tokens, RevocationCheck revocations) {
		return new Admission(tokens, revocations);
	}

}
