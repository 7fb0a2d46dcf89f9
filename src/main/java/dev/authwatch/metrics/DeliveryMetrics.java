package dev.authwatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The chat's delivery guarantees at work (SPEC §11): acks, duplicates suppressed,
 * recoveries and the size of the histories they read. Every series registered at zero; no
 * label per room or user.
 */
public final class DeliveryMetrics {

	private final Counter acks;

	private final Counter duplicates;

	private final Counter recovered;

	private final Counter notRecovered;

	private final DistributionSummary history;

	private final Counter missedRecovered;

	private final Counter missedLost;

	public DeliveryMetrics(MeterRegistry registry) {
		this.acks = Counter.builder(AuthMetricNames.WS_ACKS)
			.description("Chat messages with an id acknowledged, resends included")
			.register(registry);
		this.duplicates = Counter.builder(AuthMetricNames.WS_DUPLICATES)
			.description("Resent chat message ids acknowledged again and not broadcast twice")
			.register(registry);
		this.recovered = recoveries(registry, true);
		this.notRecovered = recoveries(registry, false);
		this.history = DistributionSummary.builder(AuthMetricNames.WS_HISTORY)
			.description("Messages a room's history holds when a client joins with since")
			.baseUnit("messages")
			.register(registry);
		this.missedRecovered = missed(registry, true);
		this.missedLost = missed(registry, false);
	}

	private static Counter missed(MeterRegistry registry, boolean recovered) {
		return Counter.builder(AuthMetricNames.WS_MISSED)
			.description(
					"Room messages this instance's Redis subscription missed, by whether the history still held them")
			.tag(AuthMetricNames.TAG_RECOVERED, Boolean.toString(recovered))
			.register(registry);
	}

	private static Counter recoveries(MeterRegistry registry, boolean recovered) {
		return Counter.builder(AuthMetricNames.WS_RECOVERIES)
			.description("Joins with since, by whether every missed message was still in the history")
			.tag(AuthMetricNames.TAG_RECOVERED, Boolean.toString(recovered))
			.register(registry);
	}

	public void acknowledged(boolean duplicate) {
		this.acks.increment();
		if (duplicate) {
			this.duplicates.increment();
		}
	}

	public void recovery(boolean recovered, int historySize) {
		(recovered ? this.recovered : this.notRecovered).increment();
		this.history.record(historySize);
	}

	/** Messages a lost subscription missed: read from the history, or gone from it. */
	public void caughtUp(long recovered, long lost) {
		this.missedRecovered.increment(recovered);
		this.missedLost.increment(lost);
	}

}
