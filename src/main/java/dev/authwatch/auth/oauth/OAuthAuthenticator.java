package dev.authwatch.auth.oauth;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerClaims;
import dev.authwatch.auth.BearerTokenRouter;

import org.springframework.http.server.ServerHttpRequest;

/**
 * The {@code oauth} method: a bearer access token from the external provider, i.e. an
 * opaque token or a JWS carrying the provider's issuer ({@link BearerTokenRouter}).
 * AuthWatch's own JWTs are left to {@code jwt}; a JWS from any other issuer is
 * {@code wrong_issuer}.
 */
final class OAuthAuthenticator implements Authenticator {

	private final BearerClaims claims;

	private final OAuthTokenValidator validator;

	OAuthAuthenticator(BearerClaims claims, OAuthTokenValidator validator) {
		this.claims = claims;
		this.validator = validator;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.OAUTH;
	}

	@Override
	public AuthDecision authenticate(ServerHttpRequest request) {
		BearerClaims.Claim claim = this.claims.claim(request, BearerTokenRouter.Route.OAUTH);
		if (claim instanceof BearerClaims.Decided decided) {
			return decided.decision();
		}
		return this.validator.validate(((BearerClaims.Mine) claim).token());
	}

}
