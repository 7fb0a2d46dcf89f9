package dev.authwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code auth_limits_total{limit}}: every series registered at zero, like
 * {@link AuthMetrics}.
 */
public final class LimitMetrics {

	private final Counter[] counters;

	public LimitMetrics(MeterRegistry registry) {
		Limit[] limits = Limit.values();
		this.counters = new Counter[limits.length];
		for (Limit limit : limits) {
			this.counters[limit.ordinal()] = Counter.builder(AuthMetricNames.LIMITS)
				.description("Requests refused and connections closed by a resource limit")
				.tag(AuthMetricNames.TAG_LIMIT, limit.label())
				.register(registry);
		}
	}

	public void record(Limit limit) {
		this.counters[limit.ordinal()].increment();
	}

}
