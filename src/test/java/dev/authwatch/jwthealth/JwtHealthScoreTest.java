package dev.authwatch.jwthealth;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every combination of the four weighted checks: 40 available, 30 consistent, 20 format,
 * 10 environment.
 */
class JwtHealthScoreTest {

	@ParameterizedTest(name = "available={0} consistent={1} format={2} aligned={3} -> {4} {5}")
	@CsvSource({
			// available, consistent, format (length and format), aligned, score, status
			"true,  true,  true,  true,  100, HEALTHY", "true,  true,  true,  false,  90, HEALTHY",
			"true,  true,  false, true,   80, DEGRADED", "true,  true,  false, false,  70, DEGRADED",
			"true,  false, true,  true,   70, DEGRADED", "true,  false, true,  false,  60, DEGRADED",
			"true,  false, false, true,   50, UNHEALTHY", "true,  false, false, false,  40, UNHEALTHY",
			"false, true,  true,  true,   60, UNHEALTHY", "false, true,  true,  false,  50, UNHEALTHY",
			"false, true,  false, true,   40, UNHEALTHY", "false, true,  false, false,  30, UNHEALTHY",
			"false, false, true,  true,   30, UNHEALTHY", "false, false, true,  false,  20, UNHEALTHY",
			"false, false, false, true,   10, UNHEALTHY", "false, false, false, false,   0, UNHEALTHY" })
	void scoreAndStatusFollowTheWeightsAndThresholds(boolean available, boolean consistent, boolean format,
			boolean aligned, int score, JwtHealthStatus status) {
		Map<ConfigCheck, Boolean> checks = checks(available, consistent, format, format, aligned, available);

		assertThat(JwtHealthScore.score(checks)).isEqualTo(score);
		assertThat(JwtHealthScore.status(checks, score)).isEqualTo(status);
	}

	@Test
	void lengthAndFormatEarnTheirTwentyPointsOnlyTogether() {
		assertThat(JwtHealthScore.score(checks(true, true, false, true, true, true))).isEqualTo(80);
		assertThat(JwtHealthScore.score(checks(true, true, true, false, true, true))).isEqualTo(80);
	}

	@Test
	void failedSelfTestIsUnhealthyWhateverTheScore() {
		Map<ConfigCheck, Boolean> checks = checks(true, true, true, true, true, false);

		assertThat(JwtHealthScore.status(checks, JwtHealthScore.score(checks))).isEqualTo(JwtHealthStatus.UNHEALTHY);
	}

	@Test
	void exitCodesFollowTheStatus() {
		assertThat(JwtHealthStatus.HEALTHY.exitCode()).isZero();
		assertThat(JwtHealthStatus.DEGRADED.exitCode()).isEqualTo(1);
		assertThat(JwtHealthStatus.UNHEALTHY.exitCode()).isEqualTo(2);
	}

	private static Map<ConfigCheck, Boolean> checks(boolean available, boolean consistent, boolean length,
			boolean format, boolean aligned, boolean selfTest) {
		Map<ConfigCheck, Boolean> checks = new EnumMap<>(ConfigCheck.class);
		checks.put(ConfigCheck.SECRET_AVAILABLE, available);
		checks.put(ConfigCheck.CROSS_SERVICE_CONSISTENCY, consistent);
		checks.put(ConfigCheck.SECRET_LENGTH, length);
		checks.put(ConfigCheck.SECRET_FORMAT, format);
		checks.put(ConfigCheck.ENVIRONMENT_ALIGNED, aligned);
		checks.put(ConfigCheck.SELF_TEST, selfTest);
		return checks;
	}

}
