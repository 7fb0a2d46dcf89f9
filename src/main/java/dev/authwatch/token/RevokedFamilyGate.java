package dev.authwatch.token;

import java.time.Clock;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.HandshakeGate;
import dev.authwatch.store.StoreUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;

/**
 * Access tokens are stateless, so an access token (or a ticket or session) of a family that has
 * since been revoked (reuse, logout, password reset) would still open connections until it
 * expires. After any successful authentication of a credential that names its family, this gate
 * asks the family store and refuses a revoked family as {@code revoked}.
 */
final class RevokedFamilyGate implements HandshakeGate {

	private final RefreshFamilyStore families;

	private final Clock clock;

	RevokedFamilyGate(RefreshFamilyStore families, Clock clock) {
		this.families = families;
		this.clock = clock;
	}

	@Override
	public AuthDecision.@Nullable Rejected beforeAuthentication(ServerHttpRequest request) {
		return null;
	}

	@Override
	public AuthDecision.@Nullable Rejected afterAuthentication(AuthenticatedPrincipal principal) {
		String family = principal.credentialId();
		if (family == null) {
			return null;
		}
		try {
			return this.families.isActive(family, this.clock.instant()) ? null
					: new AuthDecision.Rejected(FailureReason.REVOKED, "The credential's login has been revoked.");
		}
		catch (StoreUnavailableException ex) {
			return new AuthDecision.Rejected(FailureReason.PROVIDER_UNAVAILABLE, "The token store is unavailable; try again later.");
		}
	}

}
