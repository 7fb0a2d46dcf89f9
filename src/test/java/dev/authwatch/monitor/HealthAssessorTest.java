package dev.authwatch.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAssessorTest {

	private static final Duration FAST = Duration.ofMillis(20);

	private static final Map<String, String> NO_BREAKERS = Map.of();

	@Test
	void noAttemptsIsUnknown() {
		assertThat(level(WindowSnapshot.empty(Duration.ofMinutes(5)))).isEqualTo(HealthLevel.UNKNOWN);
	}

	@Test
	void fewSystemFailuresAndFastAnswersAreHealthy() {
		HealthAssessment assessment = HealthAssessor.assess(window(100, 0, 0, FAST), NO_BREAKERS);

		assertThat(assessment.level()).isEqualTo(HealthLevel.HEALTHY);
		assertThat(assessment.warnings()).isEmpty();
	}

	@Test
	void systemFailuresJustBelowFivePercentAreHealthy() {
		assertThat(level(window(1000, 49, 0, FAST))).isEqualTo(HealthLevel.HEALTHY);
	}

	@Test
	void systemFailuresAtFivePercentAreDegraded() {
		assertThat(level(window(1000, 50, 0, FAST))).isEqualTo(HealthLevel.DEGRADED);
	}

	@Test
	void systemFailuresAtFortyNinePercentAreDegraded() {
		assertThat(level(window(100, 49, 0, FAST))).isEqualTo(HealthLevel.DEGRADED);
	}

	@Test
	void systemFailuresAtFiftyPercentAreCritical() {
		HealthAssessment assessment = HealthAssessor.assess(window(100, 50, 0, FAST), NO_BREAKERS);

		assertThat(assessment.level()).isEqualTo(HealthLevel.CRITICAL);
		assertThat(assessment.warnings()).singleElement().asString().contains("System failures at 50.0%");
	}

	@Test
	void averageLatencyJustBelowTwoSecondsIsHealthy() {
		assertThat(level(window(10, 0, 0, Duration.ofMillis(1900)))).isEqualTo(HealthLevel.HEALTHY);
		assertThat(level(window(10, 0, 0, Duration.ofSeconds(2).minusNanos(1)))).isEqualTo(HealthLevel.HEALTHY);
	}

	@Test
	void averageLatencyOfTwoSecondsIsDegraded() {
		assertThat(level(window(10, 0, 0, Duration.ofSeconds(2)))).isEqualTo(HealthLevel.DEGRADED);
		assertThat(level(window(10, 0, 0, Duration.ofMillis(4900)))).isEqualTo(HealthLevel.DEGRADED);
	}

	@Test
	void averageLatencyOfFiveSecondsIsCritical() {
		assertThat(level(window(10, 0, 0, Duration.ofSeconds(5)))).isEqualTo(HealthLevel.CRITICAL);
	}

	@Test
	void anOpenBreakerIsCriticalEvenWhenTheWindowIsHealthy() {
		HealthAssessment assessment = HealthAssessor.assess(window(100, 0, 0, FAST),
				Map.of("oauth", "OPEN", "redis", "CLOSED"));

		assertThat(assessment.level()).isEqualTo(HealthLevel.CRITICAL);
		assertThat(assessment.warnings()).containsExactly("Circuit breaker 'oauth' is OPEN");
	}

	@Test
	void anOpenBreakerIsCriticalWithoutAttempts() {
		assertThat(HealthAssessor.assess(WindowSnapshot.empty(Duration.ofMinutes(5)), Map.of("oauth", "FORCED_OPEN"))
			.level()).isEqualTo(HealthLevel.CRITICAL);
	}

	@Test
	void halfOpenAndClosedBreakersDoNotChangeTheLevel() {
		assertThat(
				HealthAssessor.assess(window(100, 0, 0, FAST), Map.of("oauth", "HALF_OPEN", "redis", "CLOSED")).level())
			.isEqualTo(HealthLevel.HEALTHY);
	}

	@Test
	void clientRejectionsAtHalfOfAttemptsAreStillHealthy() {
		assertThat(level(window(100, 0, 50, FAST))).isEqualTo(HealthLevel.HEALTHY);
	}

	@Test
	void clientRejectionsAboveHalfOfAttemptsAreDegradedWithAWarning() {
		HealthAssessment assessment = HealthAssessor.assess(window(100, 0, 51, FAST), NO_BREAKERS);

		assertThat(assessment.level()).isEqualTo(HealthLevel.DEGRADED);
		assertThat(assessment.warnings()).singleElement().asString().startsWith("Client rejection surge: 51.0% of 100");
	}

	@Test
	void signatureFailuresAcrossManyUsersAreReportedAsSuspectedDrift() {
		HealthAssessment assessment = HealthAssessor.assess(signatureFailures(100, 40, 30, 5), NO_BREAKERS);

		assertThat(assessment.warnings())
			.anySatisfy((warning) -> assertThat(warning).startsWith("Suspected JWT configuration drift")
				.contains("5 distinct users"));
	}

	@Test
	void signatureFailuresOfFewUsersAreNotDrift() {
		assertThat(HealthAssessor.assess(signatureFailures(100, 40, 30, 4), NO_BREAKERS).warnings())
			.noneSatisfy((warning) -> assertThat(warning).startsWith("Suspected JWT configuration drift"));
	}

	@Test
	void signatureFailuresThatAreNotMostFailuresAreNotDrift() {
		assertThat(HealthAssessor.assess(signatureFailures(100, 40, 20, 20), NO_BREAKERS).warnings())
			.noneSatisfy((warning) -> assertThat(warning).startsWith("Suspected JWT configuration drift"));
	}

	private static HealthLevel level(WindowSnapshot snapshot) {
		return HealthAssessor.assess(snapshot, NO_BREAKERS).level();
	}

	private static WindowSnapshot window(long attempts, long systemFailures, long clientRejections, Duration average) {
		return new WindowSnapshot(Duration.ofMinutes(5), attempts, attempts - systemFailures - clientRejections,
				systemFailures, clientRejections, average, average, average, List.of(), Map.of(), 0, 0);
	}

	private static WindowSnapshot signatureFailures(long attempts, long clientRejections, long signatureFailures,
			int users) {
		return new WindowSnapshot(Duration.ofMinutes(5), attempts, attempts - clientRejections, 0, clientRejections,
				FAST, FAST, FAST, List.of(), Map.of(), signatureFailures, users);
	}

}
