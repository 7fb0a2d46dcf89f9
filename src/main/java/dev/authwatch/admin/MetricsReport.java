package dev.authwatch.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.metrics.AuthMetricNames;
import dev.authwatch.metrics.LoginMethod;
import dev.authwatch.monitor.AuthHealthEvaluator;
import dev.authwatch.monitor.HealthAssessment;
import dev.authwatch.monitor.WindowSnapshot;
import dev.authwatch.websocket.ConnectionRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link MetricsView} from the monitor's assessment, the meter registry and the
 * breakers.
 */
final class MetricsReport {

	private final AuthHealthEvaluator health;

	private final MeterRegistry meters;

	private final MethodLatencies latencies;

	private final ConnectionRegistry connections;

	private final @Nullable CircuitBreakerRegistry breakers;

	private final EventStream eventStream;

	private final long refreshIntervalMs;

	private final Clock clock;

	MetricsReport(AuthHealthEvaluator health, MeterRegistry meters, MethodLatencies latencies,
			ConnectionRegistry connections, @Nullable CircuitBreakerRegistry breakers, EventStream eventStream,
			AdminProperties properties, Clock clock) {
		this.health = health;
		this.meters = meters;
		this.latencies = latencies;
		this.connections = connections;
		this.breakers = breakers;
		this.eventStream = eventStream;
		this.refreshIntervalMs = properties.dashboardRefreshInterval().toMillis();
		this.clock = clock;
	}

	MetricsView report() {
		HealthAssessment assessment = this.health.assess();
		WindowSnapshot window = assessment.snapshot();
		Map<String, MetricsView.MethodView> methods = new LinkedHashMap<>();
		long attempts = 0;
		long successes = 0;
		for (LoginMethod method : LoginMethod.values()) {
			long ok = count(AuthMetricNames.LOGINS, AuthMetricNames.TAG_METHOD, method.label(),
					AuthMetricNames.RESULT_SUCCESS);
			long failed = count(AuthMetricNames.LOGINS, AuthMetricNames.TAG_METHOD, method.label(),
					AuthMetricNames.RESULT_FAILURE);
			attempts += ok + failed;
			successes += ok;
			AuthMethod handshake = handshakeMethod(method);
			WindowSnapshot.MethodFigures figures = (handshake != null) ? window.methods().get(handshake) : null;
			methods.put(method.label(), new MetricsView.MethodView(ok + failed, ok, failed, ratio(ok, ok + failed),
					(figures != null) ? figures.attempts() : 0, (figures != null) ? rate(figures.successRate()) : 0,
					(handshake != null) ? MetricsView.Latency.of(this.latencies.percentiles(handshake))
							: new MetricsView.Latency(0, 0, 0, 0)));
		}
		return new MetricsView(this.clock.instant(), assessment.level().code(), assessment.warnings(), window(window),
				new MetricsView.Totals(attempts, successes, attempts - successes, ratio(successes, attempts)), methods,
				MetricsView.Latency.of(this.latencies.percentiles(null)), reasons(), connections(), breakers(),
				new MetricsView.EventStreams(this.eventStream.subscribers(), this.eventStream.dropped()),
				this.refreshIntervalMs);
	}

	private static MetricsView.Window window(WindowSnapshot window) {
		Map<String, Long> top = new LinkedHashMap<>();
		window.topFailureReasons().forEach((count) -> top.put(count.reason().code(), count.count()));
		return new MetricsView.Window(window.window().toString(), window.attempts(), rate(window.successRate()),
				rate(window.systemFailureRate()), rate(window.clientRejectionRate()), millis(window.averageLatency()),
				millis(window.p95Latency()), millis(window.p99Latency()), top);
	}

	private Map<String, Long> reasons() {
		Map<String, Long> reasons = new LinkedHashMap<>();
		for (FailureReason reason : FailureReason.values()) {
			long count = count(AuthMetricNames.ERRORS, AuthMetricNames.TAG_ERROR_TYPE, reason.code(), null);
			if (count > 0) {
				reasons.put(reason.code(), count);
			}
		}
		return reasons;
	}

	private MetricsView.Connections connections() {
		Map<String, Long> byMethod = this.connections.connections()
			.stream()
			.collect(Collectors.groupingBy((connection) -> connection.principal().method().code(), TreeMap::new,
					Collectors.counting()));
		Map<String, Long> disconnects = new TreeMap<>();
		this.meters.find(AuthMetricNames.WS_DISCONNECTS)
			.counters()
			.forEach((counter) -> disconnects.put(counter.getId().getTag(AuthMetricNames.TAG_REASON),
					(long) counter.count()));
		return new MetricsView.Connections(this.connections.connections().size(), byMethod, disconnects);
	}

	private Map<String, MetricsView.Breaker> breakers() {
		if (this.breakers == null) {
			return Map.of();
		}
		return this.breakers.getAllCircuitBreakers()
			.stream()
			.collect(Collectors.toMap(CircuitBreaker::getName, MetricsReport::breaker, (a, b) -> a, TreeMap::new));
	}

	private static MetricsView.Breaker breaker(CircuitBreaker breaker) {
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		return new MetricsView.Breaker(breaker.getState().name(), metrics.getFailureRate(),
				metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
				metrics.getNumberOfNotPermittedCalls());
	}

	private long count(String name, String tag, String value, @Nullable String result) {
		var search = this.meters.find(name).tag(tag, value);
		if (result != null) {
			search = search.tag(AuthMetricNames.TAG_RESULT, result);
		}
		Counter counter = search.counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	private static @Nullable AuthMethod handshakeMethod(LoginMethod method) {
		return switch (method) {
			case JWT -> AuthMethod.JWT;
			case TICKET -> AuthMethod.TICKET;
			case SESSION -> AuthMethod.SESSION;
			case OAUTH -> AuthMethod.OAUTH;
			default -> null;
		};
	}

	private static double ratio(long part, long whole) {
		return (whole == 0) ? 0.0 : rate((double) part / whole);
	}

	private static double rate(double ratio) {
		return Math.round(ratio * 10_000) / 10_000.0;
	}

	private static double millis(Duration duration) {
		return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
	}

}
