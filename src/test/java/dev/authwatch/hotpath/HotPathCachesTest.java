package dev.authwatch.hotpath;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotPathCachesTest {

	@Test
	void housekeepingRunsOnTheCallingThreadBeforeTheCallReturns() {
		List<Thread> evictedOn = new ArrayList<>();
		Cache<Integer, String> cache = HotPathCaches.newBuilder()
			.maximumSize(10)
			.removalListener((Integer key, String value, RemovalCause cause) -> evictedOn.add(Thread.currentThread()))
			.build();
		for (int i = 0; i < 1_000; i++) {
			cache.put(i, "v" + i);
		}
		// No cleanUp() and no waiting: with the default executor the evictions would
		// happen later, on the common pool.
		assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10 + 16);
		assertThat(evictedOn).isNotEmpty().allMatch((thread) -> thread == Thread.currentThread());
	}

}
