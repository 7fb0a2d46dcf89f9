package dev.authwatch.admin;

import java.time.Duration;
import java.time.Instant;

import dev.authwatch.cluster.DirectoryEntry;
import dev.authwatch.websocket.ChatConnection;
import org.jspecify.annotations.Nullable;

/**
 * One live connection as the admin API shows it, on whichever instance it is.
 *
 * @param health {@code healthy}; {@code stale} when no pong came for two heartbeat
 * intervals (the heartbeat closes it soon); {@code expiring} when its credential expires
 * within a minute without reauthentication; {@code expired} when the credential has
 * expired and the close is pending
 */
record ConnectionView(String instance, String id, String method, Instant connectedAt, Instant credentialExpiresAt,
		@Nullable Instant lastPongAt, @Nullable String remoteAddress, boolean testConnection, String health) {

	static final String TEST_ROLE = "test-connection";

	static ConnectionView of(String self, ChatConnection connection, Duration heartbeat, Instant now) {
		Instant expiresAt = connection.credentialExpiresAt();
		Instant lastPongAt = connection.heartbeat().lastPongAt();
		return new ConnectionView(self, connection.id(), connection.principal().method().code(),
				connection.connectedAt(), expiresAt, lastPongAt, connection.remoteAddress(),
				connection.principal().roles().contains(TEST_ROLE),
				health(connection.connectedAt(), expiresAt, lastPongAt, heartbeat, now));
	}

	static ConnectionView of(DirectoryEntry entry, Duration heartbeat, Instant now) {
		return new ConnectionView(entry.instance(), entry.connectionId(), entry.method(), entry.connectedAt(),
				entry.credentialExpiresAt(), entry.lastPongAt(), entry.remoteAddress(),
				entry.roles().contains(TEST_ROLE),
				health(entry.connectedAt(), entry.credentialExpiresAt(), entry.lastPongAt(), heartbeat, now));
	}

	private static String health(Instant connectedAt, Instant expiresAt, @Nullable Instant lastPongAt,
			Duration heartbeat, Instant now) {
		if (!expiresAt.isAfter(now)) {
			return "expired";
		}
		Instant lastSign = (lastPongAt != null) ? lastPongAt : connectedAt;
		if (lastSign.plus(heartbeat.multipliedBy(2)).isBefore(now)) {
			return "stale";
		}
		if (expiresAt.isBefore(now.plusSeconds(60))) {
			return "expiring";
		}
		return "healthy";
	}

}
