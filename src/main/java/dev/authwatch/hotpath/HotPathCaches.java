package dev.authwatch.hotpath;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine builders for the caches a handshake consults (rate-limit buckets, verified
 * tokens, validated OAuth tokens, in-memory tickets). By default Caffeine hands its
 * housekeeping (replaying reads and writes into the eviction policy, evicting, expiring)
 * to {@code ForkJoinPool.commonPool()}, which on a busy handshake path means waking a
 * sleeping worker for nearly every burst of writes. These caches do it on the calling
 * thread instead, amortised over calls: no hand-off, and no housekeeping left pending
 * after a call returns. Caffeine starts it only when it gets its lock without waiting; a
 * caller waits for that lock only when the write buffer is full, as with any executor.
 * Measured in docs/benchmarks.md (JMH mint-then-redeem of a ticket −17 %; a few µs of
 * server CPU per first-sight JWT upgrade, within the churn's noise).
 */
public final class HotPathCaches {

	private HotPathCaches() {
	}

	public static Caffeine<Object, Object> newBuilder() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
