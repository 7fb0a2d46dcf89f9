package dev.authwatch.admin;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.jwt.Admission;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Admits a bearer token through the same {@link Admission} as the WebSocket chain, so an
 * admin token obeys exactly the rules of a handshake token (issuer, audience, expiry, key
 * ring, revocation of its login or user). A presented token that fails is counted in
 * {@code auth_errors_total} by its reason.
 */
final class AccessTokenAuthenticationProvider implements AuthenticationProvider {

	private final Admission admission;

	private final AuthMetrics metrics;

	AccessTokenAuthenticationProvider(Admission admission, AuthMetrics metrics) {
		this.admission = admission;
		this.metrics = metrics;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		AuthDecision decision = this.admission.token(token);
		if (decision instanceof AuthDecision.Authenticated authenticated) {
			return new AccessTokenAuthentication(authenticated.principal());
		}
		AuthDecision.Rejected rejected = (AuthDecision.Rejected) decision;
		this.metrics.error(rejected.reason());
		throw new AccessTokenRejectedException(rejected.reason(), rejected.message());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
