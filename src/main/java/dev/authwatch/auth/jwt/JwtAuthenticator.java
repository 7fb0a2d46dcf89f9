package dev.authwatch.auth.jwt;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerClaims;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Operation;

import org.springframework.http.server.ServerHttpRequest;

/**
 * The {@code jwt} method: a bearer access token issued by AuthWatch (or anyone holding
 * its secret). Tokens the {@link BearerTokenRouter} gives to {@code oauth} are not this
 * method's; a JWS from an issuer nobody accepts is rejected as {@code wrong_issuer} here,
 * never passed on.
 */
final class JwtAuthenticator implements Authenticator {

	private final BearerClaims claims;

	private final AccessTokenValidator validator;

	private final AuthMetrics metrics;

	JwtAuthenticator(BearerClaims claims, AccessTokenValidator validator, AuthMetrics metrics) {
		this.claims = claims;
		this.validator = validator;
		this.metrics = metrics;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.JWT;
	}

	@Override
	public AuthDecision authenticate(ServerHttpRequest request) {
		BearerClaims.Claim claim = this.claims.claim(request, BearerTokenRouter.Route.JWT);
		if (claim instanceof BearerClaims.Decided decided) {
			return decided.decision();
		}
		long start = System.nanoTime();
		AuthDecision decision = this.validator.validate(((BearerClaims.Mine) claim).token());
		this.metrics.latency(Operation.JWT_VALIDATE, System.nanoTime() - start);
		return decision;
	}

}
