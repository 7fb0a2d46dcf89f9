package dev.authwatch.system;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine builders for the caches a handshake consults (rate-limit buckets, verified tokens,
 * validated OAuth tokens, in-memory tickets). By default Caffeine hands its housekeeping (replaying
 * reads and writes into the eviction policy, evicting, expiring) to {@code ForkJoinPool.commonPool()},
 * which on a busy handshake path means waking a sleeping worker for nearly every burst of writes;
 * that hand-off cost more than the housekeeping itself (server CPU per first-sight JWT upgrade
 * about 184 → 173 µs, see docs/benchmarks.md). These caches do it on the calling thread instead,
 * amortised over calls; Caffeine starts it only when it gets its lock without waiting, and a caller
 * waits for that lock only when the write buffer is full, as with any executor.
 */
public final class HotPathCaches {

	private HotPathCaches() {
	}

	public static Caffeine<Object, Object> newBuilder() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
