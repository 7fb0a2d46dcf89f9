package dev.authwatch.monitor;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthAttemptListener;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.AuthMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.slf4j.LoggerFactory;

/**
 * The whole monitoring cost of one handshake: every {@link AuthAttemptListener} the application
 * context hands the chain (Prometheus meters, the sliding-window monitor, the event ring and the
 * rejection log), called the way {@code AuthenticationChain.record} calls them. This is the figure
 * the "monitoring ≤ 0.3 µs per attempt" target is about; {@link AttemptRecordingBenchmark} splits
 * it by listener. Two threads, as two container threads on a 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class MonitoringPathBenchmark {

	private List<AuthAttemptListener> listeners;

	private final AuthAttempt success = new AuthAttempt(AuthMethod.JWT,
			new AuthenticatedPrincipal("user-1234", Set.of("user"), AuthMethod.JWT, Instant.now().plusSeconds(900)), null,
			180_000);

	private final AuthAttempt signatureFailure = new AuthAttempt(AuthMethod.JWT, null, FailureReason.INVALID_SIGNATURE,
			120_000, "user-5678");

	@Setup
	public void setUp() throws Exception {
		// Spring Boot's default level; logback's own default (DEBUG) would time console output.
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
		UserKeys userKeys = new UserKeys();
		AuthEventLog events = new AuthEventLog(1000, userKeys, Clock.systemUTC());
		this.listeners = List.of(new AuthMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
				new AuthenticationMonitor(Clock.systemUTC(), Duration.ofMinutes(5), 10_000, userKeys),
				eventsListener("dev.authwatch.events.AuthAttemptEvents", events), eventsListener("dev.authwatch.events.AuthAttemptLog", null));
	}

	/** The events listeners are package-private beans; the benchmark builds them as the context does. */
	private static AuthAttemptListener eventsListener(String className, AuthEventLog log) throws Exception {
		Class<?> type = Class.forName(className);
		Constructor<?> constructor = (log != null) ? type.getDeclaredConstructor(AuthEventLog.class) : type.getDeclaredConstructor();
		constructor.setAccessible(true);
		return (AuthAttemptListener) ((log != null) ? constructor.newInstance(log) : constructor.newInstance());
	}

	@Benchmark
	public void allListenersSuccess() {
		record(this.success);
	}

	@Benchmark
	public void allListenersSignatureFailure() {
		record(this.signatureFailure);
	}

	private void record(AuthAttempt attempt) {
		for (AuthAttemptListener listener : this.listeners) {
			try {
				listener.onAttempt(attempt);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

}
