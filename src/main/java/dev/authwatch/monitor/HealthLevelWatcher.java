package dev.authwatch.monitor;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Re-assesses authentication health every {@code authwatch.monitor.health-check-interval}
 * and logs each change of level, with the warnings that explain it, so a log reader sees
 * when and why authentication degraded even if nobody was looking at {@code /health}.
 */
final class HealthLevelWatcher implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(HealthLevelWatcher.class);

	private final AuthHealthEvaluator evaluator;

	private final Duration interval;

	private volatile HealthLevel last = HealthLevel.UNKNOWN;

	HealthLevelWatcher(AuthHealthEvaluator evaluator, Duration interval) {
		this.evaluator = evaluator;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::check, this.interval);
	}

	HealthLevel check() {
		HealthAssessment assessment = this.evaluator.assess();
		HealthLevel level = assessment.level();
		HealthLevel previous = this.last;
		this.last = level;
		if (level != previous) {
			if (level == HealthLevel.DEGRADED || level == HealthLevel.CRITICAL) {
				logger.warn("Authentication health changed from {} to {}: {}", previous.code(), level.code(),
						assessment.warnings());
			}
			else {
				logger.info("Authentication health changed from {} to {}", previous.code(), level.code());
			}
		}
		return level;
	}

}
