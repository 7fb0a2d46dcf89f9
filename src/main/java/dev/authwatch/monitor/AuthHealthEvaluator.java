package dev.authwatch.monitor;

import java.util.Map;
import java.util.TreeMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Assesses authentication health from the monitor's window and every registered circuit
 * breaker. Cheap enough to call per health request or scrape: one pass over at most
 * {@code max-samples} primitive slots and a sort of their latencies. Without a monitor
 * (monitoring disabled) the level is {@code unknown} unless a breaker is open.
 */
public final class AuthHealthEvaluator {

	private final @Nullable AuthenticationMonitor monitor;

	private final @Nullable CircuitBreakerRegistry breakers;

	private final WindowSnapshot disabled;

	AuthHealthEvaluator(@Nullable AuthenticationMonitor monitor, @Nullable CircuitBreakerRegistry breakers,
			MonitorProperties properties) {
		this.monitor = monitor;
		this.breakers = breakers;
		this.disabled = WindowSnapshot.empty(properties.window());
	}

	public boolean monitoring() {
		return this.monitor != null;
	}

	public HealthAssessment assess() {
		WindowSnapshot snapshot = (this.monitor != null) ? this.monitor.snapshot() : this.disabled;
		return HealthAssessor.assess(snapshot, breakerStates());
	}

	private Map<String, String> breakerStates() {
		Map<String, String> states = new TreeMap<>();
		if (this.breakers != null) {
			for (CircuitBreaker breaker : this.breakers.getAllCircuitBreakers()) {
				states.put(breaker.getName(), breaker.getState().name());
			}
		}
		return states;
	}

}
