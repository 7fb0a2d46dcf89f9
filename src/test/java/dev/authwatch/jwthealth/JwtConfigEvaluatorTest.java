package dev.authwatch.jwthealth;

import java.time.Instant;
import java.util.List;

import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtSecretResolver;
import dev.authwatch.auth.jwt.SecretPolicy;
import dev.authwatch.auth.jwt.SecretProvenance;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each check is derived from the configuration, and the sentence each failing one
 * produces.
 */
class JwtConfigEvaluatorTest {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static JwtKeyRing ring(String secret, String source, String environment, String expected,
			List<String> conflicts, String previous) {
		byte[] bytes = (secret != null) ? TestSecrets.bytes(secret) : null;
		byte[] previousBytes = (previous != null) ? TestSecrets.bytes(previous) : null;
		return JwtKeyRing.from(new JwtSecretResolver.ResolvedSecrets(bytes, previousBytes,
				new SecretProvenance(source, environment, expected, conflicts,
						(bytes != null) ? SecretPolicy.assess(bytes) : null,
						(previousBytes != null) ? SecretPolicy.assess(previousBytes) : null)));
	}

	private static JwtKeyRing healthyRing() {
		return ring(TestSecrets.CURRENT, "JWT_SECRET", "", "JWT_SECRET", List.of(), null);
	}

	private static JwtHealthReport evaluate(JwtKeyRing ring, List<PeerView> peers) {
		SelfTestResult selfTest = ring.usable() ? SelfTestResult.pass() : SelfTestResult.fail(ring.unusableReason());
		return JwtConfigEvaluator.evaluate(ring, selfTest, peers, null, NOW);
	}

	private static PeerView peer(String keyId) {
		return PeerView.Observation.answered("svc/other", "redis", keyId).compareWith(healthyRing().current().kid());
	}

	@Test
	void healthyConfigurationHasEveryCheckAndNoIssue() {
		JwtHealthReport report = evaluate(healthyRing(), List.of(peer(healthyRing().current().kid())));

		assertThat(report.checks()).allSatisfy((check, ok) -> assertThat(ok).as(check.name()).isTrue());
		assertThat(report.score()).isEqualTo(100);
		assertThat(report.issues()).isEmpty();
		assertThat(report.details()).containsEntry("last_validated", NOW.toString())
			.containsEntry("last_rotation", null);
	}

	@Test
	void peerWithAnotherKeyIdIsDriftNamingBothKeyIds() {
		JwtHealthReport report = evaluate(healthyRing(), List.of(peer("other-kid")));

		assertThat(report.checks()).containsEntry(ConfigCheck.CROSS_SERVICE_CONSISTENCY, false);
		assertThat(report.status()).isEqualTo(JwtHealthStatus.DEGRADED);
		assertThat(report.issues()).singleElement()
			.asString()
			.contains("other-kid")
			.contains(healthyRing().current().kid());
	}

	@Test
	void peerRefusingThisInstancesProofIsDriftWithoutItsKeyId() {
		PeerView refused = PeerView.Observation
			.refused("http://peer:8080", "http", "it does not accept this instance's key (unknown_key)")
			.compareWith(healthyRing().current().kid());

		JwtHealthReport report = evaluate(healthyRing(), List.of(refused));

		assertThat(refused.status()).isEqualTo("drift");
		assertThat(refused.keyId()).isNull();
		assertThat(report.checks()).containsEntry(ConfigCheck.CROSS_SERVICE_CONSISTENCY, false);
		assertThat(report.issues())
			.containsExactly("Configuration drift: http://peer:8080 (via http): it does not accept this "
					+ "instance's key (unknown_key), while this instance uses key id " + healthyRing().current().kid()
					+ "; tokens from one are rejected by the other. Give every instance the same JWT secret.");
	}

	@Test
	void peerThatDidNotAnswerIsUnknownNotDrift() {
		PeerView unknown = PeerView.Observation.unknown("http://peer:8080", "http", "it did not answer")
			.compareWith("kid");

		JwtHealthReport report = evaluate(healthyRing(), List.of(unknown));

		assertThat(unknown.status()).isEqualTo("unknown");
		assertThat(report.checks()).containsEntry(ConfigCheck.CROSS_SERVICE_CONSISTENCY, true);
		assertThat(report.score()).isEqualTo(100);
		assertThat(report.issues()).containsExactly("Consistency with http://peer:8080 is unknown: it did not answer.");
	}

	@Test
	void genericSecretInANamedEnvironmentFailsAlignmentNamingTheVariableToSet() {
		JwtHealthReport report = evaluate(
				ring(TestSecrets.CURRENT, "JWT_SECRET", "staging", "JWT_SECRET_STAGING", List.of(), null), List.of());

		assertThat(report.checks()).containsEntry(ConfigCheck.ENVIRONMENT_ALIGNED, false);
		assertThat(report.score()).isEqualTo(90);
		assertThat(report.issues())
			.containsExactly("Environment 'staging' should take its secret from JWT_SECRET_STAGING, "
					+ "but it comes from JWT_SECRET; set JWT_SECRET_STAGING.");
	}

	@Test
	void weakPreviousSecretFailsTheLengthCheckAndIsNamed() {
		JwtHealthReport report = evaluate(ring(TestSecrets.CURRENT, "JWT_SECRET", "", "JWT_SECRET", List.of(), "short"),
				List.of());

		assertThat(report.checks()).containsEntry(ConfigCheck.SECRET_LENGTH, false);
		assertThat(report.issues()).first().asString().startsWith("JWT_PREVIOUS_SECRET is too short");
		assertThat(report.details()).containsEntry("previous_key_id", null);
	}

	@Test
	void missingSecretFailsEveryCheckButEnvironmentIsNotCredited() {
		JwtHealthReport report = evaluate(ring(null, SecretProvenance.NONE, "", "JWT_SECRET", List.of(), null),
				List.of());

		assertThat(report.score()).isZero();
		assertThat(report.status()).isEqualTo(JwtHealthStatus.UNHEALTHY);
		assertThat(report.details()).containsEntry("key_id", null).containsEntry("secret_source", "none");
	}

}
