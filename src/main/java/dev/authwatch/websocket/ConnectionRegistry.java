package dev.authwatch.websocket;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.websocket.RevocationBus.Revocation;

import dev.authwatch.metrics.AuthMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;

/**
 * The live connections of this instance, with the {@code auth_ws_connections_active}
 * gauge and the {@code auth_ws_disconnects_total} counter. On shutdown it closes every
 * connection with 1001 before the web server stops, so clients reconnect elsewhere
 * instead of timing out.
 */
public final class ConnectionRegistry implements SmartLifecycle {

	public static final CloseStatus REVOKED = new CloseStatus(4003, "revoked");

	static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("server shutdown");

	/**
	 * Stops early: before the web server's graceful shutdown waits for requests to
	 * finish.
	 */
	static final int PHASE = Integer.MAX_VALUE - 1;

	private final Map<String, ChatConnection> connections = new ConcurrentHashMap<>();

	private final Map<DisconnectReason, Counter> disconnects = new EnumMap<>(DisconnectReason.class);

	private volatile boolean running;

	private volatile boolean stopping;

	private final AuthEventLog events;

	private final RevocationBus bus;

	public ConnectionRegistry(MeterRegistry registry, AuthEventLog events, RevocationBus bus) {
		this.events = events;
		this.bus = bus;
		Gauge.builder(AuthMetricNames.WS_CONNECTIONS_ACTIVE, this.connections, Map::size)
			.description("Open authenticated WebSocket connections")
			.register(registry);
		for (DisconnectReason reason : DisconnectReason.values()) {
			this.disconnects.put(reason,
					Counter.builder(AuthMetricNames.WS_DISCONNECTS)
						.description("Closed WebSocket connections by reason")
						.tag(AuthMetricNames.TAG_REASON, reason.label())
						.register(registry));
		}
	}

	void add(ChatConnection connection) {
		this.connections.put(connection.id(), connection);
		this.events.publish(Type.CONNECTED, Severity.INFO, connection.principal().method().code(), null,
				connection.principal().userId());
		if (this.stopping) {
			// Opened while the server is stopping, after the registry closed the others.
			connection.close(GOING_AWAY, DisconnectReason.SHUTDOWN);
		}
	}

	@Nullable ChatConnection get(String id) {
		return this.connections.get(id);
	}

	/** Forgets the connection and counts its disconnect, once. */
	@Nullable ChatConnection remove(String id, DisconnectReason reason) {
		ChatConnection removed = this.connections.remove(id);
		if (removed != null) {
			this.disconnects.get(reason).increment();
			Severity severity = (reason == DisconnectReason.CLIENT_CLOSE || reason == DisconnectReason.TOKEN_EXPIRED
					|| reason == DisconnectReason.SHUTDOWN) ? Severity.INFO : Severity.WARNING;
			this.events.publish((reason == DisconnectReason.REVOKED) ? Type.REVOKED : Type.DISCONNECTED, severity,
					removed.principal().method().code(), reason.label(), removed.principal().userId());
		}
		return removed;
	}

	/**
	 * Disconnects every connection of the user with 4003, here and, through the
	 * {@link RevocationBus}, on every other instance.
	 * @return how many connections this instance closed
	 */
	public int revokeUser(String userId) {
		return revoke(new Revocation(Revocation.Kind.USER, userId));
	}

	/**
	 * Like {@link #revokeUser(String)}, telling the other instances which credentials of
	 * the user are void.
	 */
	public int revokeUser(String userId, Instant before) {
		return revoke(new Revocation(Revocation.Kind.USER, userId, before));
	}

	/**
	 * Like {@link #revokeUser(String)} for the connections of one login (refresh family
	 * or session).
	 */
	public int revokeFamily(String familyId) {
		return revoke(new Revocation(Revocation.Kind.FAMILY, familyId));
	}

	private int revoke(Revocation revocation) {
		int closed = revokeLocally(revocation);
		this.bus.publish(revocation);
		return closed;
	}

	/**
	 * Applies a revocation to this instance's connections only (another instance
	 * published it).
	 */
	public int revokeLocally(Revocation revocation) {
		int closed = 0;
		for (ChatConnection connection : this.connections.values()) {
			if (matches(revocation, connection.principal())) {
				connection.close(REVOKED, DisconnectReason.REVOKED);
				closed++;
			}
		}
		return closed;
	}

	private static boolean matches(Revocation revocation, AuthenticatedPrincipal principal) {
		return switch (revocation.kind()) {
			case USER -> principal.userId().equals(revocation.id());
			case FAMILY -> principal.belongsTo(revocation.id());
		};
	}

	public Collection<ChatConnection> connections() {
		return Collections.unmodifiableCollection(this.connections.values());
	}

	@Override
	public void start() {
		this.running = true;
		this.stopping = false;
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopping = true;
		this.connections.values().forEach((connection) -> connection.close(GOING_AWAY, DisconnectReason.SHUTDOWN));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
