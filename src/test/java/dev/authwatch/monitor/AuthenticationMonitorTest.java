package dev.authwatch.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationMonitorTest {

	private static final Duration MS = Duration.ofMillis(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

	private final AuthenticationMonitor monitor = new AuthenticationMonitor(this.clock, Duration.ofMinutes(5), 100);

	@Test
	void emptyWindowHasNoAttempts() {
		WindowSnapshot snapshot = this.monitor.snapshot();

		assertThat(snapshot.attempts()).isZero();
		assertThat(snapshot.successRate()).isZero();
		assertThat(snapshot.topFailureReasons()).isEmpty();
	}

	@Test
	void attemptsOlderThanTheWindowAreEvicted() {
		this.monitor.onAttempt(Attempts.success(MS));
		this.clock.advance(Duration.ofMinutes(3));
		this.monitor.onAttempt(Attempts.failure(FailureReason.EXPIRED, MS));

		assertThat(this.monitor.snapshot().attempts()).isEqualTo(2);

		this.clock.advance(Duration.ofMinutes(2).plusMillis(1));
		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.attempts()).isEqualTo(1);
		assertThat(snapshot.successes()).isZero();

		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.monitor.snapshot().attempts()).isZero();
	}

	@Test
	void windowKeepsAtMostMaxSamplesKeepingTheNewest() {
		for (int i = 0; i < 100; i++) {
			this.monitor.onAttempt(Attempts.failure(FailureReason.INTERNAL, MS));
		}
		for (int i = 0; i < 150; i++) {
			this.monitor.onAttempt(Attempts.success(MS));
		}

		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.attempts()).isEqualTo(100);
		assertThat(snapshot.successes()).isEqualTo(100);
		assertThat(snapshot.systemFailures()).isZero();
	}

	@Test
	void snapshotSeparatesSystemFailuresFromClientRejections() {
		this.monitor.onAttempt(Attempts.success(MS));
		this.monitor.onAttempt(Attempts.success(MS));
		this.monitor.onAttempt(Attempts.failure(AuthMethod.TICKET, FailureReason.PROVIDER_UNAVAILABLE, MS));
		this.monitor.onAttempt(new AuthAttempt(null, null, FailureReason.MISSING_CREDENTIALS, MS.toNanos()));

		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.attempts()).isEqualTo(4);
		assertThat(snapshot.successRate()).isEqualTo(0.5);
		assertThat(snapshot.systemFailureRate()).isEqualTo(0.25);
		assertThat(snapshot.clientRejectionRate()).isEqualTo(0.25);
	}

	@Test
	void latencyPercentilesUseNearestRank() {
		for (int i = 1; i <= 100; i++) {
			this.monitor.onAttempt(Attempts.success(Duration.ofMillis(i)));
		}

		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.averageLatency()).isEqualTo(Duration.ofMillis(50).plusNanos(500_000));
		assertThat(snapshot.p95Latency()).isEqualTo(Duration.ofMillis(95));
		assertThat(snapshot.p99Latency()).isEqualTo(Duration.ofMillis(99));
	}

	@Test
	void topFailureReasonsAreOrderedByCount() {
		for (int i = 0; i < 3; i++) {
			this.monitor.onAttempt(Attempts.failure(FailureReason.EXPIRED, MS));
		}
		this.monitor.onAttempt(Attempts.failure(FailureReason.MALFORMED, MS));
		this.monitor.onAttempt(Attempts.failure(FailureReason.INVALID_SIGNATURE, MS));
		this.monitor.onAttempt(Attempts.failure(FailureReason.INVALID_SIGNATURE, MS));

		assertThat(this.monitor.snapshot().topFailureReasons()).extracting(WindowSnapshot.ReasonCount::reason)
			.containsExactly(FailureReason.EXPIRED, FailureReason.INVALID_SIGNATURE, FailureReason.MALFORMED);
	}

	@Test
	void figuresAreKeptPerMethod() {
		this.monitor.onAttempt(Attempts.success(AuthMethod.JWT, Duration.ofMillis(2)));
		this.monitor.onAttempt(Attempts.failure(AuthMethod.JWT, FailureReason.EXPIRED, Duration.ofMillis(4)));
		this.monitor.onAttempt(Attempts.success(AuthMethod.TICKET, Duration.ofMillis(10)));
		this.monitor.onAttempt(new AuthAttempt(null, null, FailureReason.ORIGIN_REJECTED, 1));

		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.methods()).containsOnlyKeys(AuthMethod.JWT, AuthMethod.TICKET);
		WindowSnapshot.MethodFigures jwt = snapshot.methods().get(AuthMethod.JWT);
		assertThat(jwt.attempts()).isEqualTo(2);
		assertThat(jwt.successRate()).isEqualTo(0.5);
		assertThat(jwt.averageLatency()).isEqualTo(Duration.ofMillis(3));
		assertThat(snapshot.methods().get(AuthMethod.TICKET).successRate()).isEqualTo(1.0);
	}

	@Test
	void signatureFailuresCountDistinctClaimedUsers() {
		for (int i = 0; i < 6; i++) {
			this.monitor.onAttempt(signatureFailure(FailureReason.INVALID_SIGNATURE, "user-" + i));
			this.monitor.onAttempt(signatureFailure(FailureReason.UNKNOWN_KEY, "user-" + i));
		}
		this.monitor.onAttempt(signatureFailure(FailureReason.EXPIRED, "someone-else"));
		this.monitor.onAttempt(signatureFailure(FailureReason.INVALID_SIGNATURE, null));

		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.signatureFailures()).isEqualTo(13);
		assertThat(snapshot.signatureFailureUsers()).isEqualTo(6);
		assertThat(HealthAssessor.assess(snapshot, Map.of()).warnings())
			.anySatisfy((warning) -> assertThat(warning).startsWith("Suspected JWT configuration drift"));
	}

	@Test
	void oneUserRepeatingABadSignatureIsNotDrift() {
		for (int i = 0; i < 20; i++) {
			this.monitor.onAttempt(signatureFailure(FailureReason.INVALID_SIGNATURE, "mallory"));
		}

		WindowSnapshot snapshot = this.monitor.snapshot();
		assertThat(snapshot.signatureFailureUsers()).isEqualTo(1);
		assertThat(HealthAssessor.assess(snapshot, Map.of()).warnings())
			.noneSatisfy((warning) -> assertThat(warning).startsWith("Suspected JWT configuration drift"));
	}

	private static AuthAttempt signatureFailure(FailureReason reason, String claimedSubject) {
		return new AuthAttempt(AuthMethod.JWT, null, reason, MS.toNanos(), claimedSubject);
	}

	@Test
	void concurrentRecordingLosesNoAttemptWithinCapacity() throws InterruptedException {
		AuthenticationMonitor large = new AuthenticationMonitor(this.clock, Duration.ofMinutes(5), 40_000);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			for (int t = 0; t < 8; t++) {
				pool.execute(() -> {
					awaitQuietly(start);
					for (int i = 0; i < 5_000; i++) {
						large.onAttempt(
								(i % 2 == 0) ? Attempts.success(MS) : Attempts.failure(FailureReason.INTERNAL, MS));
					}
				});
			}
			start.countDown();
		}
		finally {
			pool.shutdown();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		WindowSnapshot snapshot = large.snapshot();
		assertThat(snapshot.attempts()).isEqualTo(40_000);
		assertThat(snapshot.successes()).isEqualTo(20_000);
		assertThat(snapshot.systemFailures()).isEqualTo(20_000);
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
