package dev.authwatch.events;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A sequence counter alone on its cache lines. Every publisher bumps the event log's
 * sequence; were the counter next to data every publisher reads (an {@code AtomicLong}
 * lands beside the objects allocated with it, such as the subscriber list), each bump
 * would evict that data from the other cores too. The counter sits in the middle of an
 * array, with two cache lines of unused elements on each side ({@code @Contended} needs a
 * JVM flag outside the JDK).
 */
final class PaddedSequence {

	/** Two 64-byte cache lines of longs: CPUs fetch lines in adjacent pairs. */
	private static final int PADDING = 16;

	private final AtomicLongArray cells = new AtomicLongArray(2 * PADDING + 1);

	long get() {
		return this.cells.get(PADDING);
	}

	/**
	 * @return the value after the increment
	 */
	long incrementAndGet() {
		return this.cells.incrementAndGet(PADDING);
	}

}
