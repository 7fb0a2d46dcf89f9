package dev.authwatch.metrics;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code auth_oauth_total{step,result}} and the JWKS freshness gauge. Every step/result
 * pair is registered at startup, whether OAuth is configured or not, so the OAuth panels
 * show 0, not "no data".
 */
public final class OAuthMetrics {

	private final Counter[] successes;

	private final Counter[] failures;

	private final AtomicLong jwksLastSuccessEpochSeconds = new AtomicLong();

	private final Clock clock;

	public OAuthMetrics(MeterRegistry registry, Clock clock) {
		this.clock = clock;
		OAuthStep[] steps = OAuthStep.values();
		this.successes = new Counter[steps.length];
		this.failures = new Counter[steps.length];
		for (OAuthStep step : steps) {
			this.successes[step.ordinal()] = counter(registry, step, AuthMetricNames.RESULT_SUCCESS);
			this.failures[step.ordinal()] = counter(registry, step, AuthMetricNames.RESULT_FAILURE);
		}
		Gauge.builder(AuthMetricNames.OAUTH_JWKS_LAST_SUCCESS, this.jwksLastSuccessEpochSeconds, AtomicLong::get)
			.description("When the OAuth provider's JWK set was last fetched successfully (epoch seconds, 0 = never)")
			.baseUnit("seconds")
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, OAuthStep step, String result) {
		return Counter.builder(AuthMetricNames.OAUTH)
			.description("OAuth provider interactions by step and result")
			.tag(AuthMetricNames.TAG_STEP, step.label())
			.tag(AuthMetricNames.TAG_RESULT, result)
			.register(registry);
	}

	public void step(OAuthStep step, boolean success) {
		(success ? this.successes : this.failures)[step.ordinal()].increment();
		if (success && step == OAuthStep.JWKS) {
			this.jwksLastSuccessEpochSeconds.set(this.clock.instant().getEpochSecond());
		}
	}

}
