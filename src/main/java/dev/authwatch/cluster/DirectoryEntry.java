package dev.authwatch.cluster;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One live connection as the connection directory knows it (SPEC §9). Carries no user id:
 * the directory finds a user's entries under a digest of the id.
 */
public record DirectoryEntry(String instance, String connectionId, String method, Set<String> roles,
		Instant connectedAt, Instant credentialExpiresAt, @Nullable Instant lastPongAt,
		@Nullable String remoteAddress) {

	public DirectoryEntry {
		roles = Set.copyOf(roles);
	}

}
