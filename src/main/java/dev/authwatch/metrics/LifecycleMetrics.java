package dev.authwatch.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The token lifecycle meters: refresh results and latency, guest and password-reset
 * events. Every series is registered at zero on startup, like {@link AuthMetrics}.
 */
public final class LifecycleMetrics {

	private static final Duration[] REFRESH_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(5) };

	private final Counter[] events;

	private final Timer refreshLatency;

	public LifecycleMetrics(MeterRegistry registry) {
		LifecycleEvent[] values = LifecycleEvent.values();
		this.events = new Counter[values.length];
		for (LifecycleEvent event : values) {
			this.events[event.ordinal()] = Counter.builder(event.meter())
				.description(description(event.meter()))
				.tag(event.tag(), event.label())
				.register(registry);
		}
		this.refreshLatency = Timer.builder(AuthMetricNames.REFRESH_LATENCY)
			.description("Time to rotate a refresh token")
			.serviceLevelObjectives(REFRESH_BUCKETS)
			.register(registry);
	}

	private static String description(String meter) {
		return switch (meter) {
			case AuthMetricNames.REFRESH -> "Refresh-token rotations by result; reuse revokes the token family";
			case AuthMetricNames.GUEST -> "Guest tokens issued, upgraded to accounts, or expired unused";
			default ->
				"Password resets requested, completed, failed (refused confirmations) or undelivered (no link issued)";
		};
	}

	public void record(LifecycleEvent event) {
		this.events[event.ordinal()].increment();
	}

	public void refreshLatency(long nanos) {
		this.refreshLatency.record(nanos, TimeUnit.NANOSECONDS);
	}

}
