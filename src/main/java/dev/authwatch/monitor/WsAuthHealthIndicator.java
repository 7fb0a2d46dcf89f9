package dev.authwatch.monitor;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code wsAuth} actuator component: DOWN when authentication is critical, UP
 * otherwise (a degraded level is visible in the {@code level} detail), with the window's
 * figures as details (see {@link HealthDetails}). It makes {@code /health} DOWN for
 * alerting but is not part of the readiness group: an open breaker of a dependency every
 * instance shares is no reason to take any instance out of the load balancer.
 */
final class WsAuthHealthIndicator extends AbstractHealthIndicator {

	private final AuthHealthEvaluator evaluator;

	WsAuthHealthIndicator(AuthHealthEvaluator evaluator) {
		super("Authentication health could not be assessed");
		this.evaluator = evaluator;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		HealthAssessment assessment = this.evaluator.assess();
		if (assessment.level() == HealthLevel.CRITICAL) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetails(HealthDetails.of(assessment, this.evaluator.monitoring()));
	}

}
