package dev.authwatch.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/websocket-auth/metrics}. Totals count since the process started
 * (the Prometheus counters); {@code window} covers the monitor's sliding window; latency
 * percentiles are over each method's latest {@value MethodLatencies#SAMPLES} decisions.
 * Rates are ratios 0–1.
 */
record MetricsView(Instant generatedAt, String level, List<String> warnings, Window window, Totals totals,
		Map<String, MethodView> methods, Latency latency, Map<String, Long> reasons, Connections connections,
		Map<String, Breaker> breakers, EventStreams eventStreams, long refreshIntervalMs) {

	/** The sliding window behind the health level. */
	record Window(String duration, long attempts, double successRate, double systemFailureRate,
			double clientRejectionRate, double averageLatencyMs, double p95LatencyMs, double p99LatencyMs,
			Map<String, Long> topFailureReasons) {
	}

	record Totals(long attempts, long successes, long failures, double successRate) {
	}

	/**
	 * @param windowAttempts decisions of this method in the window (handshake methods
	 * only)
	 * @param latency percentiles of the method's latest handshake decisions
	 */
	record MethodView(long attempts, long successes, long failures, double successRate, long windowAttempts,
			double windowSuccessRate, Latency latency) {
	}

	record Latency(int samples, double p50Ms, double p95Ms, double p99Ms) {

		static Latency of(MethodLatencies.Percentiles percentiles) {
			return new Latency(percentiles.samples(), percentiles.p50Ms(), percentiles.p95Ms(), percentiles.p99Ms());
		}

	}

	record Connections(long active, Map<String, Long> byMethod, Map<String, Long> disconnects) {
	}

	/**
	 * @param subscribers open SSE streams on this instance
	 * @param dropped events not delivered because a slow reader's buffer was full
	 */
	record EventStreams(int subscribers, long dropped) {
	}

	/**
	 * @param failureRate percentage of failed calls in the breaker's window, -1 until it
	 * has enough calls
	 */
	record Breaker(String state, float failureRate, int bufferedCalls, int failedCalls, long notPermittedCalls) {
	}

}
