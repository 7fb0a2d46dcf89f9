package dev.authwatch.auth.jwt;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Operation;

import org.springframework.http.server.ServerHttpRequest;

/**
 * The {@code jwt} method: a bearer access token issued by AuthWatch (or anyone holding its secret).
 * Tokens the {@link BearerTokenRouter} gives to {@code oauth} are not this method's; a JWS from an
 * issuer nobody accepts is rejected as {@code wrong_issuer} here, never passed on.
 */
final class JwtAuthenticator implements Authenticator {

	private final BearerTokenResolver tokens;

	private final BearerTokenRouter router;

	private final AccessTokenValidator validator;

	private final AuthMetrics metrics;

	JwtAuthenticator(BearerTokenResolver tokens, BearerTokenRouter router, AccessTokenValidator validator,
			AuthMetrics metrics) {
		this.tokens = tokens;
		this.router = router;
		this.validator = validator;
		this.metrics = metrics;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.JWT;
	}

	@Override
	public AuthDecision authenticate(ServerHttpRequest request) {
		BearerTokenResolver.Result result = this.tokens.resolve(request);
		if (result instanceof BearerTokenResolver.Found found) {
			BearerTokenRouter.Route route = this.router.route(found.token());
			if (route == BearerTokenRouter.Route.OAUTH) {
				return AuthDecision.notMine();
			}
			if (route == BearerTokenRouter.Route.FOREIGN) {
				return AuthDecision.rejected(FailureReason.WRONG_ISSUER);
			}
			long start = System.nanoTime();
			AuthDecision decision = this.validator.validate(found.token());
			this.metrics.latency(Operation.JWT_VALIDATE, System.nanoTime() - start);
			return decision;
		}
		if (result instanceof BearerTokenResolver.Ambiguous ambiguous) {
			return AuthDecision.rejected(FailureReason.MALFORMED, ambiguous.problem());
		}
		return AuthDecision.notMine();
	}

}
