package dev.authwatch.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.authwatch.metrics.Limit;
import dev.authwatch.metrics.LimitMetrics;
import org.jspecify.annotations.Nullable;

/**
 * How many WebSocket connections one client (IPv4 address or IPv6 /64) and one user may
 * hold at once. The handshake checks the counts before the upgrade (429
 * {@code rate_limited}); the connection is counted when it opens ({@link #admit}, atomic,
 * so concurrent handshakes cannot overshoot) and given back when it closes
 * ({@link Admission#release}, once, however it ends).
 */
public final class ConnectionCaps {

	private final RateLimitProperties properties;

	private final LimitMetrics metrics;

	private final OpenConnections perClient = new OpenConnections();

	private final OpenConnections perUser = new OpenConnections();

	ConnectionCaps(RateLimitProperties properties, LimitMetrics metrics) {
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * @return whether the client may open one more connection now (and if not, counted)
	 */
	boolean clientHasRoom(String clientKey) {
		return hasRoom(this.perClient, clientKey, this.properties.connectionsPerClient(), Limit.CONNECTIONS_PER_CLIENT);
	}

	/**
	 * @return whether the user may open one more connection now (and if not, counted)
	 */
	boolean userHasRoom(String userId) {
		return hasRoom(this.perUser, userId, this.properties.connectionsPerUser(), Limit.CONNECTIONS_PER_USER);
	}

	private boolean hasRoom(OpenConnections open, String key, int cap, Limit limit) {
		if (!this.properties.enabled() || open.count(key) < cap) {
			return true;
		}
		this.metrics.record(limit);
		return false;
	}

	/**
	 * Counts an opened connection against both caps.
	 * @return its admission, to release when it closes, or {@code null} when a cap is
	 * reached (counted)
	 */
	public @Nullable Admission admit(String clientKey, String userId) {
		if (!this.properties.enabled()) {
			return new Admission(null, null);
		}
		if (!this.perClient.tryOpen(clientKey, this.properties.connectionsPerClient())) {
			this.metrics.record(Limit.CONNECTIONS_PER_CLIENT);
			return null;
		}
		if (!this.perUser.tryOpen(userId, this.properties.connectionsPerUser())) {
			this.perClient.close(clientKey);
			this.metrics.record(Limit.CONNECTIONS_PER_USER);
			return null;
		}
		return new Admission(clientKey, userId);
	}

	/** One open connection's place under the caps. */
	public final class Admission {

		private final @Nullable String clientKey;

		private final @Nullable String userId;

		private final AtomicBoolean released = new AtomicBoolean();

		private Admission(@Nullable String clientKey, @Nullable String userId) {
			this.clientKey = clientKey;
			this.userId = userId;
		}

		/** Gives the place back; only the first call counts. */
		public void release() {
			if (this.clientKey != null && this.userId != null && this.released.compareAndSet(false, true)) {
				ConnectionCaps.this.perClient.close(this.clientKey);
				ConnectionCaps.this.perUser.close(this.userId);
			}
		}

	}

}
