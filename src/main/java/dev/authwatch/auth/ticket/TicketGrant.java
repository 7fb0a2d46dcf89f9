package dev.authwatch.auth.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * What a ticket entitles its bearer to: a connection as this user until the credential that
 * minted the ticket expires.
 */
public record TicketGrant(String userId, Set<String> roles, Instant credentialExpiresAt) {

	public TicketGrant {
		roles = Set.copyOf(roles);
	}

}
