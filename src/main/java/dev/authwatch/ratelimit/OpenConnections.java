package dev.authwatch.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections by key (a client or a user): counted up at admission, down at close. A
 * key's entry lives only while it holds a connection, so memory follows the open
 * connections, not the keys ever seen.
 */
final class OpenConnections {

	private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	/**
	 * Lock-free: for the check before the upgrade, which the admission repeats
	 * atomically.
	 */
	int count(String key) {
		AtomicInteger count = this.counts.get(key);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * @return whether the key had fewer than {@code cap} connections; only then is it
	 * counted up
	 */
	boolean tryOpen(String key, int cap) {
		boolean[] opened = { false };
		this.counts.compute(key, (k, count) -> {
			AtomicInteger current = (count != null) ? count : new AtomicInteger();
			if (current.get() < cap) {
				current.incrementAndGet();
				opened[0] = true;
			}
			return (current.get() > 0) ? current : null;
		});
		return opened[0];
	}

	void close(String key) {
		this.counts.computeIfPresent(key, (k, count) -> (count.decrementAndGet() > 0) ? count : null);
	}

}
