package dev.authwatch.monitor;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.authwatch.hotpath.RingSlots;

/**
 * The last {@code capacity} authentication attempts, in a fixed ring of primitive arrays.
 * A writer claims a slot from one {@link AtomicLong} sequence and publishes it with a
 * per-slot stamp, so recording never locks, never blocks and never allocates. Readers
 * skip a slot whose stamp changed while they read it (a seqlock per slot). Old attempts
 * are not removed: readers ignore those older than the window, and newer attempts
 * overwrite them. Consecutive sequence numbers go to distant slots (see
 * {@link RingSlots}), so concurrent writers do not share cache lines.
 * <p>
 * An attempt is encoded in one int: bits 0-7 hold the failure reason's ordinal + 1 (0 on
 * success), bits 8-15 the method's ordinal + 1 (0 when no method claimed the credential).
 */
final class AttemptWindow {

	private static final long WRITING = -1;

	private final RingSlots slots;

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * 0: never written; {@link #WRITING}: being written; otherwise the writer's sequence
	 * + 1.
	 */
	private final AtomicLongArray stamps;

	private final long[] timesMillis;

	private final long[] durationsNanos;

	private final int[] outcomes;

	private final long[] userKeys;

	AttemptWindow(int capacity) {
		this.slots = new RingSlots(capacity);
		this.stamps = new AtomicLongArray(capacity);
		this.timesMillis = new long[capacity];
		this.durationsNanos = new long[capacity];
		this.outcomes = new int[capacity];
		this.userKeys = new long[capacity];
	}

	int capacity() {
		return this.slots.capacity();
	}

	/**
	 * @param outcome see {@link #outcome(int, int)}
	 * @param userKey a keyed hash of the user concerned, or 0 when unknown
	 */
	void record(long timeMillis, int outcome, long durationNanos, long userKey) {
		long seq = this.sequence.getAndIncrement();
		int slot = this.slots.slot(seq);
		this.stamps.setOpaque(slot, WRITING);
		VarHandle.storeStoreFence();
		this.timesMillis[slot] = timeMillis;
		this.durationsNanos[slot] = durationNanos;
		this.outcomes[slot] = outcome;
		this.userKeys[slot] = userKey;
		this.stamps.setRelease(slot, seq + 1);
	}

	/**
	 * Visits every attempt recorded after {@code sinceMillis} (exclusive), in no
	 * particular order.
	 */
	void forEachAfter(long sinceMillis, Visitor visitor) {
		for (int slot = 0; slot < this.timesMillis.length; slot++) {
			long before = this.stamps.getAcquire(slot);
			if (before <= 0) {
				continue;
			}
			long time = this.timesMillis[slot];
			long duration = this.durationsNanos[slot];
			int outcome = this.outcomes[slot];
			long userKey = this.userKeys[slot];
			VarHandle.loadLoadFence();
			if (this.stamps.getOpaque(slot) != before || time <= sinceMillis) {
				continue;
			}
			visitor.visit(method(outcome), failure(outcome), duration, userKey);
		}
	}

	/** Encodes ordinals; -1 means "no method" or "success". */
	static int outcome(int methodOrdinal, int failureOrdinal) {
		return ((methodOrdinal + 1) << 8) | (failureOrdinal + 1);
	}

	private static int method(int outcome) {
		return ((outcome >>> 8) & 0xFF) - 1;
	}

	private static int failure(int outcome) {
		return (outcome & 0xFF) - 1;
	}

	@FunctionalInterface
	interface Visitor {

		/**
		 * @param methodOrdinal the {@code AuthMethod} ordinal, -1 when none claimed the
		 * credential
		 * @param failureOrdinal the {@code FailureReason} ordinal, -1 on success
		 */
		void visit(int methodOrdinal, int failureOrdinal, long durationNanos, long userKey);

	}

}
