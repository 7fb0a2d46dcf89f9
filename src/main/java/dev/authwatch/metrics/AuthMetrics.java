package dev.authwatch.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthAttemptListener;
import dev.authwatch.auth.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The authentication meters. Every label value comes from a closed enum and every series
 * is registered at startup, so a panel shows 0 rather than "no data" and recording on the
 * handshake path is an array lookup: no tag building, no registry lookup, no allocation.
 */
public final class AuthMetrics implements AuthAttemptListener {

	private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final Counter[] loginSuccesses;

	private final Counter[] loginFailures;

	private final Counter[] errors;

	private final Timer[] latencies;

	public AuthMetrics(MeterRegistry registry) {
		LoginMethod[] methods = LoginMethod.values();
		this.loginSuccesses = new Counter[methods.length];
		this.loginFailures = new Counter[methods.length];
		for (LoginMethod method : methods) {
			this.loginSuccesses[method.ordinal()] = loginCounter(registry, method, AuthMetricNames.RESULT_SUCCESS);
			this.loginFailures[method.ordinal()] = loginCounter(registry, method, AuthMetricNames.RESULT_FAILURE);
		}
		FailureReason[] reasons = FailureReason.values();
		this.errors = new Counter[reasons.length];
		for (FailureReason reason : reasons) {
			this.errors[reason.ordinal()] = Counter.builder(AuthMetricNames.ERRORS)
				.description("Authentication failures by taxonomy reason")
				.tag(AuthMetricNames.TAG_ERROR_TYPE, reason.code())
				.register(registry);
		}
		Operation[] operations = Operation.values();
		this.latencies = new Timer[operations.length];
		for (Operation operation : operations) {
			this.latencies[operation.ordinal()] = Timer.builder(AuthMetricNames.OPERATION_LATENCY)
				.description("Latency of authentication operations")
				.tag(AuthMetricNames.TAG_OPERATION, operation.label())
				.serviceLevelObjectives(LATENCY_BUCKETS)
				.register(registry);
		}
	}

	private static Counter loginCounter(MeterRegistry registry, LoginMethod method, String result) {
		return Counter.builder(AuthMetricNames.LOGINS)
			.description(
					"Authentication attempts by method and result; jwt, ticket and session are WebSocket handshakes")
			.tag(AuthMetricNames.TAG_METHOD, method.label())
			.tag(AuthMetricNames.TAG_RESULT, result)
			.register(registry);
	}

	@Override
	public void onAttempt(AuthAttempt attempt) {
		this.latencies[Operation.WS_HANDSHAKE.ordinal()].record(attempt.durationNanos(), TimeUnit.NANOSECONDS);
		if (attempt.method() != null) {
			int method = LoginMethod.of(attempt.method()).ordinal();
			(attempt.succeeded() ? this.loginSuccesses : this.loginFailures)[method].increment();
		}
		if (attempt.failure() != null) {
			error(attempt.failure());
		}
	}

	public void login(LoginMethod method, boolean success) {
		(success ? this.loginSuccesses : this.loginFailures)[method.ordinal()].increment();
	}

	public void error(FailureReason reason) {
		this.errors[reason.ordinal()].increment();
	}

	public void latency(Operation operation, long nanos) {
		this.latencies[operation.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
	}

}
