package dev.authwatch.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Derives the SPEC §5 level and warnings from window figures and breaker states. Rates
 * are compared in integer arithmetic so that boundaries are exact (5 of 100 is 5 %, not
 * 4.99…).
 * <ul>
 * <li><b>critical</b>: any breaker open (even with no attempts: a dependency known to be
 * down is not "unknown"), system failures ≥ 50 %, or average latency ≥ 5 s;</li>
 * <li><b>unknown</b>: otherwise, no attempts in the window;</li>
 * <li><b>degraded</b>: system failures ≥ 5 %, average latency ≥ 2 s, or client rejections
 * &gt; 50 %;</li>
 * <li><b>healthy</b>: otherwise.</li>
 * </ul>
 */
final class HealthAssessor {

	static final Duration DEGRADED_LATENCY = Duration.ofSeconds(2);

	static final Duration CRITICAL_LATENCY = Duration.ofSeconds(5);

	/**
	 * Distinct users whose signature failures make drift likelier than one client's bad
	 * token.
	 */
	static final int DRIFT_MIN_USERS = 5;

	private HealthAssessor() {
	}

	static HealthAssessment assess(WindowSnapshot snapshot, Map<String, String> breakers) {
		List<String> warnings = new ArrayList<>();
		boolean critical = openBreakers(breakers, warnings);
		boolean degraded = false;
		long attempts = snapshot.attempts();
		if (attempts > 0) {
			long system = snapshot.systemFailures();
			if (system * 2 >= attempts) {
				critical = true;
				warnings.add("System failures at " + percent(snapshot.systemFailureRate()) + " of " + attempts
						+ " attempts (critical at 50%)");
			}
			else if (system * 20 >= attempts) {
				degraded = true;
				warnings.add("System failures at " + percent(snapshot.systemFailureRate()) + " of " + attempts
						+ " attempts (degraded at 5%)");
			}
			Duration average = snapshot.averageLatency();
			if (average.compareTo(CRITICAL_LATENCY) >= 0) {
				critical = true;
				warnings.add("Average authentication latency " + average.toMillis() + " ms (critical at 5 s)");
			}
			else if (average.compareTo(DEGRADED_LATENCY) >= 0) {
				degraded = true;
				warnings.add("Average authentication latency " + average.toMillis() + " ms (degraded at 2 s)");
			}
			if (snapshot.clientRejections() * 2 > attempts) {
				degraded = true;
				warnings.add("Client rejection surge: " + percent(snapshot.clientRejectionRate()) + " of " + attempts
						+ " attempts rejected" + topReason(snapshot)
						+ "; an attack, a broken client or configuration drift");
			}
			driftWarning(snapshot, warnings);
		}
		return new HealthAssessment(level(attempts, critical, degraded), snapshot, breakers, warnings);
	}

	private static HealthLevel level(long attempts, boolean critical, boolean degraded) {
		if (critical) {
			return HealthLevel.CRITICAL;
		}
		if (attempts == 0) {
			return HealthLevel.UNKNOWN;
		}
		return degraded ? HealthLevel.DEGRADED : HealthLevel.HEALTHY;
	}

	private static boolean openBreakers(Map<String, String> breakers, List<String> warnings) {
		boolean open = false;
		for (Map.Entry<String, String> breaker : breakers.entrySet()) {
			if ("OPEN".equals(breaker.getValue()) || "FORCED_OPEN".equals(breaker.getValue())) {
				open = true;
				warnings.add("Circuit breaker '" + breaker.getKey() + "' is " + breaker.getValue());
			}
		}
		return open;
	}

	/**
	 * invalid_signature/unknown_key for many distinct users at once: the key, not the
	 * clients, changed.
	 */
	private static void driftWarning(WindowSnapshot snapshot, List<String> warnings) {
		long signature = snapshot.signatureFailures();
		if (snapshot.signatureFailureUsers() >= DRIFT_MIN_USERS && signature * 2 > snapshot.failures()) {
			warnings.add("Suspected JWT configuration drift: invalid_signature/unknown_key for "
					+ snapshot.signatureFailureUsers() + " distinct users ("
					+ percent(WindowSnapshot.ratio(signature, snapshot.failures()))
					+ " of failures); check that every instance and issuer uses the same JWT secret");
		}
	}

	private static String topReason(WindowSnapshot snapshot) {
		return snapshot.topFailureReasons().isEmpty() ? ""
				: " (mostly " + snapshot.topFailureReasons().get(0).reason().code() + ")";
	}

	static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
	}

}
