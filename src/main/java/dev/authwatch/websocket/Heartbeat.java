package dev.authwatch.websocket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Ping/pong bookkeeping of one connection. Written by the heartbeat tick and the pong
 * handler; volatile fields suffice because each field has a single writer at a time.
 */
public final class Heartbeat {

	private volatile long outstandingPingNanos;

	private volatile int missedPongs;

	private volatile @Nullable Instant lastPongAt;

	/**
	 * @return how many consecutive pings went unanswered, counting the one still
	 * outstanding
	 */
	int recordTick() {
		if (this.outstandingPingNanos != 0) {
			this.missedPongs++;
		}
		return this.missedPongs;
	}

	void pingSent(long nanos) {
		this.outstandingPingNanos = nanos;
	}

	/**
	 * @return the round trip in nanoseconds, or -1 when the pong answers no ping of ours
	 */
	long pongReceived(long sentNanos, long nowNanos, Instant now) {
		if (sentNanos != this.outstandingPingNanos) {
			return -1;
		}
		this.outstandingPingNanos = 0;
		this.missedPongs = 0;
		this.lastPongAt = now;
		return nowNanos - sentNanos;
	}

	public @Nullable Instant lastPongAt() {
		return this.lastPongAt;
	}

}
