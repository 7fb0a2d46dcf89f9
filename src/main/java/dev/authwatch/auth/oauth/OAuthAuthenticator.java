package dev.authwatch.auth.oauth;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.auth.FailureReason;

import org.springframework.http.server.ServerHttpRequest;

/**
 * The {@code oauth} method: a bearer access token from the external provider, i.e. an opaque
 * token or a JWS carrying the provider's issuer ({@link BearerTokenRouter}). AuthWatch's own JWTs
 * are left to {@code jwt}; a JWS from any other issuer is {@code wrong_issuer}.
 */
final class OAuthAuthenticator implements Authenticator {

	private final BearerTokenResolver tokens;

	private final BearerTokenRouter router;

	private final OAuthTokenValidator validator;

	OAuthAuthenticator(BearerTokenResolver tokens, BearerTokenRouter router, OAuthTokenValidator validator) {
		this.tokens = tokens;
		this.router = router;
		this.validator = validator;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.OAUTH;
	}

	@Override
	public AuthDecision authenticate(ServerHttpRequest request) {
		BearerTokenResolver.Result result = this.tokens.resolve(request);
		if (result instanceof BearerTokenResolver.Found found) {
			return switch (this.router.route(found.token())) {
				case OAUTH -> this.validator.validate(found.token());
				case FOREIGN -> AuthDecision.rejected(FailureReason.WRONG_ISSUER);
				case JWT -> AuthDecision.notMine();
			};
		}
		if (result instanceof BearerTokenResolver.Ambiguous ambiguous) {
			return AuthDecision.rejected(FailureReason.MALFORMED, ambiguous.problem());
		}
		return AuthDecision.notMine();
	}

}
