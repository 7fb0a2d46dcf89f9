package dev.authwatch.jwthealth;

import java.util.Map;

/**
 * SPEC §5 scoring: secret available 40, cross-service consistency 30, format compliance
 * 20 (length and format), environment alignment 10. Score ≥ 90 healthy, ≥ 60 degraded,
 * else unhealthy; an unavailable secret, or one that cannot sign and verify a probe
 * token, is always unhealthy.
 */
final class JwtHealthScore {

	static final int HEALTHY_THRESHOLD = 90;

	static final int DEGRADED_THRESHOLD = 60;

	private JwtHealthScore() {
	}

	static int score(Map<ConfigCheck, Boolean> checks) {
		int score = 0;
		if (checks.get(ConfigCheck.SECRET_AVAILABLE)) {
			score += 40;
		}
		if (checks.get(ConfigCheck.CROSS_SERVICE_CONSISTENCY)) {
			score += 30;
		}
		if (checks.get(ConfigCheck.SECRET_LENGTH) && checks.get(ConfigCheck.SECRET_FORMAT)) {
			score += 20;
		}
		if (checks.get(ConfigCheck.ENVIRONMENT_ALIGNED)) {
			score += 10;
		}
		return score;
	}

	static JwtHealthStatus status(Map<ConfigCheck, Boolean> checks, int score) {
		if (!checks.get(ConfigCheck.SECRET_AVAILABLE) || !checks.get(ConfigCheck.SELF_TEST)) {
			return JwtHealthStatus.UNHEALTHY;
		}
		if (score >= HEALTHY_THRESHOLD) {
			return JwtHealthStatus.HEALTHY;
		}
		return (score >= DEGRADED_THRESHOLD) ? JwtHealthStatus.DEGRADED : JwtHealthStatus.UNHEALTHY;
	}

}
