package dev.authwatch.websocket;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.authwatch.metrics.AuthMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;

/**
 * Pings every connection each heartbeat interval from one scheduled task and closes those
 * that missed two pongs, and those that stopped reading what they are sent (slow
 * consumers). The ping carries its send time, so the pong yields the round trip.
 */
final class HeartbeatMonitor implements SmartLifecycle {

	/** Spring's "session not reliable" code: the peer stopped answering. */
	static final CloseStatus HEARTBEAT_TIMEOUT = CloseStatus.SESSION_NOT_RELIABLE.withReason("heartbeat timeout");

	static final int MAX_MISSED_PONGS = 2;

	private final ConnectionRegistry registry;

	private final Timer roundTrips;

	private final Clock clock;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile @Nullable ScheduledFuture<?> ticking;

	HeartbeatMonitor(ConnectionRegistry registry, MeterRegistry meters, Clock clock, TaskScheduler scheduler,
			Duration interval) {
		this.registry = registry;
		this.clock = clock;
		this.scheduler = scheduler;
		this.interval = interval;
		this.roundTrips = Timer.builder(AuthMetricNames.WS_HEARTBEAT_RTT)
			.description("Round trip of server pings to WebSocket clients")
			.serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
					Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(5))
			.register(meters);
	}

	@Override
	public void start() {
		this.ticking = this.scheduler.scheduleAtFixedRate(this::tick, this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> current = this.ticking;
		if (current != null) {
			current.cancel(false);
		}
		this.ticking = null;
	}

	@Override
	public boolean isRunning() {
		return this.ticking != null;
	}

	void tick() {
		for (ChatConnection connection : this.registry.connections()) {
			if (!connection.closeIfStalled()) {
				connection.whenNotWriting(() -> beat(connection));
			}
		}
	}

	private void beat(ChatConnection connection) {
		if (connection.heartbeat().recordTick() >= MAX_MISSED_PONGS) {
			connection.close(HEARTBEAT_TIMEOUT, DisconnectReason.HEARTBEAT_TIMEOUT);
			return;
		}
		long now = System.nanoTime();
		connection.heartbeat().pingSent(now);
		connection.ping(ByteBuffer.allocate(Long.BYTES).putLong(0, now));
	}

	void pong(ChatConnection connection, PongMessage pong) {
		ByteBuffer payload = pong.getPayload();
		if (payload.remaining() != Long.BYTES) {
			return;
		}
		long roundTrip = connection.heartbeat()
			.pongReceived(payload.getLong(payload.position()), System.nanoTime(), this.clock.instant());
		if (roundTrip >= 0) {
			this.roundTrips.record(roundTrip, TimeUnit.NANOSECONDS);
		}
	}

}
