package dev.authwatch.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthEventLogConcurrencyTest {

	private static final int THREADS = 4;

	private static final int PER_THREAD = 2_500;

	@Test
	void concurrentPublishersLoseNoEventWithinCapacity() throws Exception {
		AuthEventLog log = new AuthEventLog(THREADS * PER_THREAD, new UserKeys(), Clock.systemUTC());
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> publishers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			String user = "user-" + t;
			Thread publisher = new Thread(() -> {
				awaitQuietly(start);
				for (int i = 0; i < PER_THREAD; i++) {
					log.publish(Type.AUTH_SUCCESS, Severity.INFO, "jwt", null, user);
				}
			});
			publisher.start();
			publishers.add(publisher);
		}
		start.countDown();
		for (Thread publisher : publishers) {
			publisher.join();
		}

		List<AuthEvent> recent = log.recent(THREADS * PER_THREAD);

		assertThat(recent).extracting(AuthEvent::sequence)
			.containsExactly(LongStream.iterate(THREADS * PER_THREAD, (s) -> s - 1)
				.limit(THREADS * PER_THREAD)
				.boxed()
				.toArray(Long[]::new));
		for (int t = 0; t < THREADS; t++) {
			String ref = log.userRef("user-" + t);
			assertThat(recent).filteredOn((event) -> ref.equals(event.userRef())).hasSize(PER_THREAD);
		}
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
