package dev.authwatch.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.authwatch.cluster.ConnectionDirectory;
import dev.authwatch.websocket.ConnectionRegistry;

/**
 * A user's live connections on every instance: this one's from its registry, the others'
 * from the directory.
 */
final class UserConnections {

	private final ConnectionRegistry registry;

	private final String self;

	private final ConnectionDirectory directory;

	private final Duration heartbeat;

	private final Clock clock;

	UserConnections(ConnectionRegistry registry, String self, ConnectionDirectory directory, Duration heartbeat,
			Clock clock) {
		this.registry = registry;
		this.self = self;
		this.directory = directory;
		this.heartbeat = heartbeat;
		this.clock = clock;
	}

	/** Oldest first. */
	List<ConnectionView> of(String userId) {
		Instant now = this.clock.instant();
		Stream<ConnectionView> here = this.registry.connections()
			.stream()
			.filter((connection) -> connection.principal().userId().equals(userId))
			.map((connection) -> ConnectionView.of(this.self, connection, this.heartbeat, now));
		Stream<ConnectionView> elsewhere = this.directory.elsewhere(userId)
			.stream()
			.map((entry) -> ConnectionView.of(entry, this.heartbeat, now));
		return Stream.concat(here, elsewhere).sorted(Comparator.comparing(ConnectionView::connectedAt)).toList();
	}

}
