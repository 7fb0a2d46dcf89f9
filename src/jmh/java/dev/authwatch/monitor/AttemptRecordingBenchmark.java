package dev.authwatch.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.AuthMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The per-attempt cost of monitoring on the handshake path: the sliding-window recorder, the
 * Prometheus meters and the event ring, for a success and for a signature failure (the case that
 * hashes a user).
 * Run with two threads, as two container threads would record at once on a 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class AttemptRecordingBenchmark {

	private final AuthenticationMonitor monitor = new AuthenticationMonitor(Clock.systemUTC(), Duration.ofMinutes(5), 10_000,
			new UserKeys());

	private final AuthEventLog events = new AuthEventLog(1000, new UserKeys(), Clock.systemUTC());

	private final AuthMetrics metrics = new AuthMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

	private final AuthAttempt success = new AuthAttempt(AuthMethod.JWT,
			new AuthenticatedPrincipal("user-1234", Set.of("user"), AuthMethod.JWT, Instant.now().plusSeconds(900)), null,
			180_000);

	private final AuthAttempt signatureFailure = new AuthAttempt(AuthMethod.JWT, null, FailureReason.INVALID_SIGNATURE,
			120_000, "user-5678");

	@Benchmark
	public void monitorRecordsSuccess() {
		this.monitor.onAttempt(this.success);
	}

	@Benchmark
	public void monitorRecordsSignatureFailure() {
		this.monitor.onAttempt(this.signatureFailure);
	}

	@Benchmark
	public void metricsRecordSuccess() {
		this.metrics.onAttempt(this.success);
	}

	@Benchmark
	public void metricsRecordFailure() {
		this.metrics.onAttempt(this.signatureFailure);
	}

	@Benchmark
	public void eventLogPublishesSuccess() {
		this.events.publish(Type.AUTH_SUCCESS, Severity.INFO, "jwt", null, "user-1234");
	}

}
