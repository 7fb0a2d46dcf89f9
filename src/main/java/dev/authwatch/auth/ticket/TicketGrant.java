package dev.authwatch.auth.ticket;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a ticket entitles its bearer to: a connection as this user until the credential
 * that minted the ticket expires, within the credential family that minted it (if any).
 * The ticket is as old as that credential: a revocation of the user voids it like the
 * token it came from.
 */
public record TicketGrant(String userId, Set<String> roles, Instant credentialExpiresAt, @Nullable String credentialId,
		@Nullable Instant credentialIssuedAt) {

	public TicketGrant {
		roles = Set.copyOf(roles);
	}

	public TicketGrant(String userId, Set<String> roles, Instant credentialExpiresAt) {
		this(userId, roles, credentialExpiresAt, null, null);
	}

}
