package dev.authwatch.monitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptWindowTest {

	private static final int THREADS = 6;

	private static final int PER_THREAD = 5_000;

	@Test
	void keepsTheNewestCapacityAttempts() {
		AttemptWindow window = new AttemptWindow(100);
		for (int i = 0; i < 250; i++) {
			window.record(1_000 + i, AttemptWindow.outcome(0, -1), i, 0);
		}

		List<Long> durations = new ArrayList<>();
		window.forEachAfter(0, (method, failure, duration, userKey) -> durations.add(duration));

		assertThat(durations).hasSize(100).allSatisfy((duration) -> assertThat(duration).isBetween(150L, 249L));
		assertThat(new HashSet<>(durations)).hasSize(100);
	}

	@Test
	void visitsOnlyAttemptsAfterTheGivenTime() {
		AttemptWindow window = new AttemptWindow(100);
		for (int i = 1; i <= 10; i++) {
			window.record(i, AttemptWindow.outcome(-1, 2), i, 0);
		}

		List<Long> durations = new ArrayList<>();
		window.forEachAfter(7, (method, failure, duration, userKey) -> durations.add(duration));

		assertThat(durations).containsExactlyInAnyOrder(8L, 9L, 10L);
	}

	/**
	 * Writers record attempts whose fields all derive from one number, while a reader
	 * checks that no attempt it sees mixes the fields of two; at the end every attempt is
	 * there exactly once.
	 */
	@Test
	void concurrentWritersLoseAndTearNoAttemptWithinCapacity() throws Exception {
		AttemptWindow window = new AttemptWindow(THREADS * PER_THREAD);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicReference<String> torn = new AtomicReference<>();
		List<Thread> writers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			writers.add(started(() -> {
				awaitQuietly(start);
				for (int i = 0; i < PER_THREAD; i++) {
					long id = (long) thread * PER_THREAD + i;
					window.record(1 + id, AttemptWindow.outcome(thread, i % 7), id, key(id));
				}
			}));
		}
		Thread reader = started(() -> {
			awaitQuietly(start);
			while (writing.get()) {
				window.forEachAfter(0,
						(method, failure, id, userKey) -> checkWhole(method, failure, id, userKey, torn));
			}
		});
		start.countDown();
		for (Thread writer : writers) {
			writer.join();
		}
		writing.set(false);
		reader.join();

		Set<Long> ids = new HashSet<>();
		window.forEachAfter(0, (method, failure, id, userKey) -> {
			checkWhole(method, failure, id, userKey, torn);
			assertThat(ids.add(id)).as("attempt %d seen twice", id).isTrue();
		});
		assertThat(torn.get()).isNull();
		assertThat(ids).hasSize(THREADS * PER_THREAD);
	}

	private static void checkWhole(int method, int failure, long id, long userKey, AtomicReference<String> torn) {
		if (method != id / PER_THREAD || failure != id % PER_THREAD % 7 || userKey != key(id)) {
			torn.compareAndSet(null, "attempt " + id + ": method " + method + ", failure " + failure);
		}
	}

	private static long key(long id) {
		return id * 0x9E3779B97F4A7C15L + 1;
	}

	private static Thread started(Runnable task) {
		Thread thread = new Thread(task);
		thread.start();
		return thread;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
