package dev.authwatch.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.authwatch.auth.AuthMethod;

/**
 * The {@code wsAuth} health details, keyed by the names operators and the dashboard rely
 * on.
 */
final class HealthDetails {

	static final String LEVEL = "level";

	static final String MONITORING = "monitoring";

	static final String WINDOW = "window";

	static final String ATTEMPTS = "attempts";

	static final String SUCCESS_RATE = "successRate";

	static final String SYSTEM_FAILURE_RATE = "systemFailureRate";

	static final String CLIENT_REJECTION_RATE = "clientRejectionRate";

	static final String AVERAGE_LATENCY_MS = "averageLatencyMs";

	static final String P95_LATENCY_MS = "p95LatencyMs";

	static final String P99_LATENCY_MS = "p99LatencyMs";

	static final String METHODS = "methods";

	static final String BREAKERS = "breakers";

	static final String TOP_FAILURE_REASONS = "topFailureReasons";

	static final String WARNINGS = "warnings";

	private HealthDetails() {
	}

	/**
	 * Rates are ratios from 0 to 1, rounded to 4 decimals; latencies milliseconds, 3
	 * decimals.
	 */
	static Map<String, Object> of(HealthAssessment assessment, boolean monitoring) {
		WindowSnapshot snapshot = assessment.snapshot();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(LEVEL, assessment.level().code());
		details.put(MONITORING, monitoring ? "enabled" : "disabled");
		details.put(WINDOW, snapshot.window().toString());
		details.put(ATTEMPTS, snapshot.attempts());
		details.put(SUCCESS_RATE, rate(snapshot.successRate()));
		details.put(SYSTEM_FAILURE_RATE, rate(snapshot.systemFailureRate()));
		details.put(CLIENT_REJECTION_RATE, rate(snapshot.clientRejectionRate()));
		details.put(AVERAGE_LATENCY_MS, millis(snapshot.averageLatency()));
		details.put(P95_LATENCY_MS, millis(snapshot.p95Latency()));
		details.put(P99_LATENCY_MS, millis(snapshot.p99Latency()));
		details.put(METHODS, methods(snapshot));
		details.put(BREAKERS, new TreeMap<>(assessment.breakers()));
		details.put(TOP_FAILURE_REASONS, topFailureReasons(snapshot));
		details.put(WARNINGS, assessment.warnings());
		return details;
	}

	private static Map<String, Object> methods(WindowSnapshot snapshot) {
		Map<String, Object> methods = new LinkedHashMap<>();
		for (AuthMethod method : AuthMethod.values()) {
			WindowSnapshot.MethodFigures figures = snapshot.methods().get(method);
			if (figures != null) {
				Map<String, Object> perMethod = new LinkedHashMap<>();
				perMethod.put(ATTEMPTS, figures.attempts());
				perMethod.put(SUCCESS_RATE, rate(figures.successRate()));
				perMethod.put(AVERAGE_LATENCY_MS, millis(figures.averageLatency()));
				methods.put(method.code(), perMethod);
			}
		}
		return methods;
	}

	private static Map<String, Long> topFailureReasons(WindowSnapshot snapshot) {
		Map<String, Long> reasons = new LinkedHashMap<>();
		snapshot.topFailureReasons().forEach((count) -> reasons.put(count.reason().code(), count.count()));
		return reasons;
	}

	private static double rate(double ratio) {
		return Math.round(ratio * 10_000) / 10_000.0;
	}

	private static double millis(Duration duration) {
		return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
	}

}
