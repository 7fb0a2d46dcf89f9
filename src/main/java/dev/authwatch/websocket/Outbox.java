package dev.authwatch.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.jspecify.annotations.Nullable;

/**
 * The text frames on their way to one connection. A send never blocks its caller (the
 * room's fan-out, the protocol, the heartbeat): it queues the frame, and at most one
 * frame is written at a time through the container's asynchronous remote, the next one
 * started by the completion of the last. What a slow reader lets pile up is bounded: more
 * than {@code maxChars} queued (counted in characters, what a chat frame's string holds
 * on the heap), or a write pending longer than {@code sendTimeLimit}, and the connection
 * is a slow consumer. The time limit is this class's alone (the container's own write
 * timeout is off): a stalled write is found by the next offer or by {@link #stalled()},
 * which the heartbeat asks.
 */
final class Outbox implements SendHandler {

	private static final int SENDING = 0;

	private static final int RETURNED = 1;

	private static final int COMPLETED = 2;

	/** What becomes of a connection whose outbox gives up. */
	interface Failure {

		void slowConsumer();

		void sendFailed();

	}

	private final RemoteEndpoint.Async remote;

	private final long maxChars;

	private final long sendTimeLimitNanos;

	private final Failure failure;

	private final ArrayDeque<String> queue = new ArrayDeque<>();

	/**
	 * Whether the write in flight returned from {@code sendText} before or after it
	 * completed.
	 */
	private final AtomicInteger completion = new AtomicInteger();

	private long queuedChars;

	/**
	 * Whether a drainer exists: set by whoever starts one, cleared by it when the queue
	 * is empty.
	 */
	private boolean sending;

	private long writeStartedNanos;

	/** Cleared once the connection closes: later frames are dropped. */
	private boolean accepting = true;

	/** Set when nothing more is to be written, not even what is queued. */
	private boolean aborted;

	/**
	 * What to run once the queue is written: the close frame, after the frames queued
	 * before it.
	 */
	private @Nullable Runnable afterPending;

	Outbox(RemoteEndpoint.Async remote, long maxChars, long sendTimeLimitNanos, Failure failure) {
		this.remote = remote;
		this.maxChars = maxChars;
		this.sendTimeLimitNanos = sendTimeLimitNanos;
		this.failure = failure;
	}

	/** Queues a frame; never blocks. */
	void offer(String text) {
		int size = text.length();
		boolean start = false;
		boolean slow = false;
		synchronized (this) {
			if (!this.accepting) {
				return;
			}
			if (this.queuedChars + size > this.maxChars || isStalled(System.nanoTime())) {
				slow = true;
			}
			else {
				this.queue.add(text);
				this.queuedChars += size;
				start = !this.sending;
				this.sending = true;
			}
		}
		if (slow) {
			this.failure.slowConsumer();
		}
		else if (start) {
			drain();
		}
	}

	/**
	 * Runs a blocking write of the connection's own (a ping) unless a text frame is being
	 * written or waits, holding back the frames offered meanwhile until it returns. The
	 * two must not overlap in Tomcat: with a ping written in a loop while a room's frames
	 * flowed, the connection stopped receiving after 641 and 1,461 of 2,000 frames, its
	 * outbox waiting for a completion that never came (later closed as a slow consumer
	 * although it read).
	 */
	void runWhenIdle(Runnable blockingWrite) {
		synchronized (this) {
			if (this.sending || !this.accepting) {
				return;
			}
			this.sending = true;
		}
		try {
			blockingWrite.run();
		}
		finally {
			drain();
		}
	}

	/**
	 * Characters that may still be queued before the connection is a slow consumer.
	 */
	synchronized long room() {
		return Math.max(0, this.maxChars - this.queuedChars);
	}

	/**
	 * Whether a write has been pending longer than the send time limit: the reader
	 * stopped reading.
	 */
	synchronized boolean stalled() {
		return isStalled(System.nanoTime());
	}

	private boolean isStalled(long now) {
		return this.sending && this.writeStartedNanos != 0 && now - this.writeStartedNanos > this.sendTimeLimitNanos;
	}

	/**
	 * Takes no more frames and runs {@code close} once those already queued are written
	 * (at once when none are), so that e.g. an error frame reaches the peer before the
	 * close frame.
	 */
	void closeAfterPending(Runnable close) {
		synchronized (this) {
			this.accepting = false;
			if (this.sending) {
				this.afterPending = close;
				return;
			}
		}
		close.run();
	}

	/**
	 * Takes and writes nothing more, not even what is queued: the peer is gone or does
	 * not read.
	 */
	synchronized void abort() {
		this.accepting = false;
		this.aborted = true;
		this.sending = false;
		this.writeStartedNanos = 0;
		this.afterPending = null;
		this.queue.clear();
	}

	/**
	 * Writes queued frames one after the other. A write the container completes at once
	 * is followed by the next in this loop, not from inside its completion, so a long
	 * queue never deepens the stack.
	 */
	private void drain() {
		while (true) {
			String next;
			Runnable then = null;
			synchronized (this) {
				next = this.aborted ? null : this.queue.poll();
				if (next == null) {
					this.sending = false;
					this.writeStartedNanos = 0;
					then = this.afterPending;
					this.afterPending = null;
				}
				else {
					this.queuedChars -= next.length();
					this.writeStartedNanos = System.nanoTime();
				}
			}
			if (next == null) {
				if (then != null) {
					then.run();
				}
				return;
			}
			this.completion.set(SENDING);
			try {
				this.remote.sendText(next, this);
			}
			catch (RuntimeException ex) {
				onResult(new SendResult(ex));
				return;
			}
			if (this.completion.compareAndSet(SENDING, RETURNED)) {
				return;
			}
		}
	}

	@Override
	public void onResult(SendResult result) {
		if (!result.isOK()) {
			abort();
			this.failure.sendFailed();
			return;
		}
		if (this.completion.compareAndSet(SENDING, COMPLETED)) {
			return;
		}
		drain();
	}

}
