package dev.authwatch.auth;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who a connection belongs to, how it authenticated and until when its credential is
 * valid.
 *
 * @param userId the token subject; never logged or used as a metric label
 * @param roles the granted roles, e.g. {@code user}, {@code admin}
 * @param method the chain method that authenticated the handshake
 * @param expiresAt when the underlying credential expires
 * @param credentialId the refresh-token family (or the session bound to it) the
 * credential belongs to, so that revoking the family closes its connections; {@code null}
 * for credentials minted outside a login (third-party tokens, the {@code token} command)
 * @param issuedAt when the credential was issued, which a per-user revocation compares
 * with: a token's {@code iat} (whole seconds), a session's creation (the login), the
 * {@code iat} of the token a ticket was minted with; {@code null} when unknown (a
 * provider token without {@code iat}), which any revocation of the user on record voids
 */
public record AuthenticatedPrincipal(String userId, Set<String> roles, AuthMethod method, Instant expiresAt,
		@Nullable String credentialId, @Nullable Instant issuedAt) {

	public AuthenticatedPrincipal {
		roles = Set.copyOf(roles);
	}

	public AuthenticatedPrincipal(String userId, Set<String> roles, AuthMethod method, Instant expiresAt) {
		this(userId, roles, method, expiresAt, null, null);
	}

	public AuthenticatedPrincipal withMethod(AuthMethod newMethod) {
		return new AuthenticatedPrincipal(this.userId, this.roles, newMethod, this.expiresAt, this.credentialId,
				this.issuedAt);
	}

	/** Whether this principal's credential belongs to the given family or session. */
	public boolean belongsTo(String credential) {
		return credential.equals(this.credentialId);
	}

}
