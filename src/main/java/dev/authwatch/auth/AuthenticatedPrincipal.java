package dev.authwatch.auth;

import java.time.Instant;
import java.util.Set;

/**
 * Who a connection belongs to, how it authenticated and until when its credential is valid.
 *
 * @param userId the token subject; never logged or used as a metric label
 * @param roles the granted roles, e.g. {@code user}, {@code admin}
 * @param method the chain method that authenticated the handshake
 * @param expiresAt when the underlying credential expires
 */
public record AuthenticatedPrincipal(String userId, Set<String> roles, AuthMethod method, Instant expiresAt) {

	public AuthenticatedPrincipal {
		roles = Set.copyOf(roles);
	}

	public AuthenticatedPrincipal withMethod(AuthMethod newMethod) {
		return new AuthenticatedPrincipal(this.userId, this.roles, newMethod, this.expiresAt);
	}

}
