package dev.authwatch.hotpath;

/**
 * Maps the sequence numbers of a ring buffer to its slots so that consecutive numbers
 * land far apart: threads that claim neighbouring numbers at the same moment then write
 * different cache lines instead of fighting over one (false sharing). Sequence {@code s}
 * goes to slot {@code (s mod capacity) * stride mod capacity}, a permutation of the slots
 * because the stride and the capacity are coprime; every {@code capacity} consecutive
 * numbers still use every slot once, so the ring keeps exactly {@code capacity} entries.
 */
public final class RingSlots {

	/** 32 ints or 64 longs: two cache lines, as CPUs fetch lines in adjacent pairs. */
	private static final int MIN_STRIDE = 32;

	private final int capacity;

	private final long stride;

	public RingSlots(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
		}
		this.capacity = capacity;
		this.stride = coprimeStride(capacity);
	}

	private static long coprimeStride(int capacity) {
		int stride = MIN_STRIDE;
		while (gcd(stride, capacity) != 1) {
			stride++;
		}
		return stride;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	public int capacity() {
		return this.capacity;
	}

	/**
	 * @param sequence a non-negative sequence number
	 */
	public int slot(long sequence) {
		return (int) (sequence % this.capacity * this.stride % this.capacity);
	}

}
