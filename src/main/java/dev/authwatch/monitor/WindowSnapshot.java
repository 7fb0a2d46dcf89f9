package dev.authwatch.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.FailureReason;

/**
 * The authentication figures of one sliding window.
 *
 * @param window the span the figures cover
 * @param attempts decisions of the chain in the window
 * @param successes authenticated handshakes
 * @param systemFailures {@code provider_unavailable} and {@code internal} rejections
 * @param clientRejections every other rejection
 * @param averageLatency mean decision time
 * @param p95Latency 95th percentile decision time (nearest rank)
 * @param p99Latency 99th percentile decision time (nearest rank)
 * @param topFailureReasons the most frequent failure reasons, most frequent first
 * @param methods figures per method that claimed a credential
 * @param signatureFailures {@code invalid_signature} and {@code unknown_key} rejections
 * @param signatureFailureUsers distinct (hashed) users among those rejections
 */
public record WindowSnapshot(Duration window, long attempts, long successes, long systemFailures, long clientRejections,
		Duration averageLatency, Duration p95Latency, Duration p99Latency, List<ReasonCount> topFailureReasons,
		Map<AuthMethod, MethodFigures> methods, long signatureFailures, int signatureFailureUsers) {

	public WindowSnapshot {
		topFailureReasons = List.copyOf(topFailureReasons);
		methods = Map.copyOf(methods);
	}

	static WindowSnapshot empty(Duration window) {
		return new WindowSnapshot(window, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of(), Map.of(),
				0, 0);
	}

	public long failures() {
		return this.systemFailures + this.clientRejections;
	}

	public double successRate() {
		return ratio(this.successes, this.attempts);
	}

	public double systemFailureRate() {
		return ratio(this.systemFailures, this.attempts);
	}

	public double clientRejectionRate() {
		return ratio(this.clientRejections, this.attempts);
	}

	static double ratio(long part, long whole) {
		return (whole == 0) ? 0.0 : (double) part / whole;
	}

	public record ReasonCount(FailureReason reason, long count) {
	}

	/**
	 * @param attempts decisions made by this method
	 * @param successes of which authenticated
	 * @param averageLatency mean decision time
	 */
	public record MethodFigures(long attempts, long successes, Duration averageLatency) {

		public double successRate() {
			return ratio(this.successes, this.attempts);
		}

	}

}
