package dev.authwatch.jwthealth;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authwatch.metrics.AuthMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The {@code jwt_*} meters of SPEC §4, every series registered at startup: the score, one
 * {@code jwt_config_check{check}} per check, the drift and rotation counters and the
 * last-rotation time ({@code jwt_secret_last_rotation_timestamp_seconds}).
 */
final class JwtHealthMetrics {

	private final AtomicInteger score = new AtomicInteger();

	private final Map<ConfigCheck, AtomicInteger> checks = new EnumMap<>(ConfigCheck.class);

	private final Counter drifts;

	private final Counter rotations;

	JwtHealthMetrics(MeterRegistry registry) {
		Gauge.builder(AuthMetricNames.JWT_CONFIG_HEALTH_SCORE, this.score, AtomicInteger::get)
			.description("JWT configuration health score, 0-100 (secret 40, consistency 30, format 20, environment 10)")
			.register(registry);
		for (ConfigCheck check : ConfigCheck.values()) {
			AtomicInteger value = new AtomicInteger();
			this.checks.put(check, value);
			Gauge.builder(AuthMetricNames.JWT_CONFIG_CHECK, value, AtomicInteger::get)
				.description("JWT configuration check result: 1 ok, 0 failing")
				.tag(AuthMetricNames.TAG_CHECK, check.tag())
				.register(registry);
		}
		this.drifts = Counter.builder(AuthMetricNames.JWT_CONFIG_DRIFT)
			.description("Newly detected instances whose JWT key id differs from this one's")
			.register(registry);
		this.rotations = Counter.builder(AuthMetricNames.JWT_SECRET_ROTATIONS)
			.description("Changes of this service's own JWT key id (secret rotations)")
			.register(registry);
	}

	/**
	 * The tracker is the gauge's state: Micrometer holds it weakly, and the monitor bean
	 * holds it strongly.
	 */
	static void registerLastRotation(MeterRegistry registry, RotationTracker rotations) {
		TimeGauge
			.builder(AuthMetricNames.JWT_SECRET_LAST_ROTATION_TIMESTAMP, rotations, TimeUnit.SECONDS,
					RotationTracker::lastRotationEpochSeconds)
			.description("Time of the last JWT secret rotation, seconds since the epoch; 0 until one is known")
			.register(registry);
	}

	Counter drifts() {
		return this.drifts;
	}

	Counter rotations() {
		return this.rotations;
	}

	void update(JwtHealthReport report) {
		this.score.set(report.score());
		report.checks().forEach((check, ok) -> this.checks.get(check).set(ok ? 1 : 0));
	}

}
