package dev.authwatch.jwthealth;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code jwt} component of {@code /health}: UP when healthy or degraded (the status
 * and score say which), DOWN when unhealthy. Reads the latest scheduled report; never
 * checks per request.
 */
final class JwtHealthIndicator implements HealthIndicator {

	private final JwtHealthMonitor monitor;

	JwtHealthIndicator(JwtHealthMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		JwtHealthReport report = this.monitor.report();
		Health.Builder builder = report.unhealthy() ? Health.down() : Health.up();
		builder.withDetail("status", report.status().code()).withDetail("score", report.score());
		Object keyId = report.details().get("key_id");
		if (keyId != null) {
			builder.withDetail("key_id", keyId);
		}
		return builder.withDetail("secret_source", report.details().get("secret_source"))
			.withDetail("issues", report.issues())
			.build();
	}

}
