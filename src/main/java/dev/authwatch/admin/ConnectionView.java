package dev.authwatch.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.authwatch.websocket.ChatConnection;
import dev.authwatch.websocket.ConnectionRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One live connection as the admin API shows it.
 *
 * @param health {@code healthy}; {@code stale} when no pong came for two heartbeat intervals (the
 * heartbeat closes it soon); {@code expiring} when its credential expires within a minute without
 * reauthentication; {@code expired} when the credential has expired and the close is pending
 */
record ConnectionView(String id, String method, Instant connectedAt, Instant credentialExpiresAt,
		@Nullable Instant lastPongAt, @Nullable String remoteAddress, boolean testConnection, String health) {

	static final String TEST_ROLE = "test-connection";

	static List<ConnectionView> of(ConnectionRegistry registry, String userId, Duration heartbeat, Clock clock) {
		Instant now = clock.instant();
		return registry.connections().stream()
			.filter((connection) -> connection.principal().userId().equals(userId))
			.sorted(java.util.Comparator.comparing(ChatConnection::connectedAt))
			.map((connection) -> of(connection, heartbeat, now))
			.toList();
	}

	static ConnectionView of(ChatConnection connection, Duration heartbeat, Instant now) {
		return new ConnectionView(connection.id(), connection.principal().method().code(), connection.connectedAt(),
				connection.credentialExpiresAt(), connection.heartbeat().lastPongAt(), connection.remoteAddress(),
				connection.principal().roles().contains(TEST_ROLE), health(connection, heartbeat, now));
	}

	private static String health(ChatConnection connection, Duration heartbeat, Instant now) {
		if (!connection.credentialExpiresAt().isAfter(now)) {
			return "expired";
		}
		Instant lastSign = (connection.heartbeat().lastPongAt() != null) ? connection.heartbeat().lastPongAt()
				: connection.connectedAt();
		if (lastSign.plus(heartbeat.multipliedBy(2)).isBefore(now)) {
			return "stale";
		}
		if (connection.credentialExpiresAt().isBefore(now.plusSeconds(60))) {
			return "expiring";
		}
		return "healthy";
	}

}
