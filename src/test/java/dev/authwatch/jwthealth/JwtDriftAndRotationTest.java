package dev.authwatch.jwthealth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.authwatch.auth.jwt.KeyFingerprint;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several real instances: two on one Redis, configured peers over HTTP, and an instance
 * restarted with a new secret. A short check interval stands in for
 * AUTHENTICATION_HEALTH_CHECK_INTERVAL.
 */
class JwtDriftAndRotationTest {

	private static final Duration INTERVAL = Duration.ofMillis(300);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	/**
	 * Each test has its own environment and service name, so instances of other tests
	 * never mix in.
	 */
	private final String environment = "env" + UUID.randomUUID().toString().substring(0, 8);

	private Map<String, Object> instance(String secret, boolean redis) {
		Map<String, Object> properties = new HashMap<>(redis ? RunningApp.onRedis() : Map.of());
		properties.put("AUTHWATCH_ENVIRONMENT", this.environment);
		properties.put("JWT_SECRET_" + this.environment.toUpperCase(), secret);
		properties.put("spring.application.name", "svc-" + this.environment);
		properties.put("authwatch.jwt.check-interval", INTERVAL.toMillis() + "ms");
		properties.put("authwatch.data-dir", this.directory.resolve("data").toString());
		return properties;
	}

	/**
	 * The full report, as an admin of an instance signing with the current test secret
	 * sees it.
	 */
	private static JsonNode health(RunningApp app) throws Exception {
		return health(app, TestSecrets.CURRENT);
	}

	private static JsonNode health(RunningApp app, String secret) throws Exception {
		return JSON.readTree(
				AdminCalls.as(app.port(), TestTokens.signedWith(secret, "root", "admin")).get("/health/jwt").body());
	}

	private static String metrics(RunningApp app) throws Exception {
		return HttpCalls.get(app.port(), "/metrics").body();
	}

	@Test
	void twoInstancesOnOneRedisWithDifferentSecretsBothReportDriftWithinOneInterval() throws Exception {
		try (RunningApp first = RunningApp.start(instance(TestSecrets.CURRENT, true));
				RunningApp second = RunningApp.start(instance(TestSecrets.FOREIGN, true))) {
			// The second sees the first at its startup check, the first sees the second
			// at its next check (one
			// interval); the rest of the bound is slack for the HTTP polling on a cold
			// JVM.
			await().atMost(INTERVAL.multipliedBy(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
				assertThat(health(first).at("/details/cross_service_consistency").asBoolean()).isFalse();
				assertThat(health(second, TestSecrets.FOREIGN).at("/details/cross_service_consistency").asBoolean())
					.isFalse();
			});
			JsonNode report = health(first);
			assertThat(report.get("status").asString()).isEqualTo("degraded");
			assertThat(report.get("score").asInt()).isEqualTo(70);
			assertThat(report.at("/details/peers/0/status").asString()).isEqualTo("drift");
			assertThat(report.at("/details/peers/0/key_id").asString())
				.isEqualTo(KeyFingerprint.of(TestSecrets.bytes(TestSecrets.FOREIGN)));
			assertThat(report.get("issues").get(0).asString())
				.startsWith("Configuration drift: svc-" + this.environment);
			// Several more checks must not count the same drift again.
			await().during(INTERVAL.multipliedBy(3))
				.atMost(INTERVAL.multipliedBy(5))
				.until(() -> metrics(first).contains("jwt_config_drift_total 1.0"));
			assertThat(metrics(first)).contains("jwt_config_check{check=\"cross_service_consistency\"} 0.0");
			assertThat(metrics(second)).contains("jwt_config_drift_total 1.0");
		}
	}

	@Test
	void twoInstancesOnOneRedisWithEqualSecretsBothReportConsistency() throws Exception {
		try (RunningApp first = RunningApp.start(instance(TestSecrets.CURRENT, true));
				RunningApp second = RunningApp.start(instance(TestSecrets.CURRENT, true))) {
			await().atMost(INTERVAL.multipliedBy(3)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
				assertThat(health(first).at("/details/peers/0/status").asString()).isEqualTo("consistent");
				assertThat(health(second).at("/details/peers/0/status").asString()).isEqualTo("consistent");
			});
			for (RunningApp app : new RunningApp[] { first, second }) {
				JsonNode report = health(app);
				assertThat(report.get("status").asString()).isEqualTo("healthy");
				assertThat(report.get("score").asInt()).isEqualTo(100);
				assertThat(report.at("/details/cross_service_consistency").asBoolean()).isTrue();
				assertThat(metrics(app)).contains("jwt_config_drift_total 0.0");
			}
		}
	}

	@Test
	void configuredPeerThatIsDownIsUnknownNotDriftAndADifferingPeerIsDrift() throws Exception {
		int deadPort = RedisTestServer.freePort();
		try (RunningApp other = RunningApp.start(instance(TestSecrets.FOREIGN, false))) {
			Map<String, Object> properties = instance(TestSecrets.CURRENT, false);
			properties.put("authwatch.data-dir", this.directory.resolve("data-2").toString());
			properties.put("authwatch.jwt.peers", "http://127.0.0.1:" + deadPort + "," + other.baseUrl());
			properties.put("authwatch.jwt.peer-timeout", "500ms");
			try (RunningApp app = RunningApp.start(properties)) {
				JsonNode report = health(app);

				assertThat(report.at("/details/peers/0/status").asString()).isEqualTo("unknown");
				assertThat(report.at("/details/peers/0/problem").asString()).startsWith("it did not answer");
				assertThat(report.at("/details/peers/1/status").asString()).isEqualTo("drift");
				assertThat(report.at("/details/peers/1/problem").asString())
					.isEqualTo("it does not accept this instance's key (unknown_key)");
				assertThat(report.get("issues").valueStream().map(JsonNode::asString))
					.anySatisfy((issue) -> assertThat(issue)
						.startsWith("Consistency with http://127.0.0.1:" + deadPort + " is unknown"))
					.anySatisfy((issue) -> assertThat(issue).startsWith("Configuration drift: " + other.baseUrl()));
			}
		}
	}

	@Test
	void configuredPeersWithTheSameSecretAreConsistent() throws Exception {
		try (RunningApp other = RunningApp.start(instance(TestSecrets.CURRENT, false))) {
			Map<String, Object> properties = instance(TestSecrets.CURRENT, false);
			properties.put("authwatch.data-dir", this.directory.resolve("data-2").toString());
			properties.put("authwatch.jwt.peers", other.baseUrl());
			try (RunningApp app = RunningApp.start(properties)) {
				JsonNode report = health(app);

				assertThat(report.at("/details/peers/0/status").asString()).isEqualTo("consistent");
				assertThat(report.at("/details/peers/0/key_id").asString())
					.isEqualTo(KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT)));
				assertThat(report.get("status").asString()).isEqualTo("healthy");
			}
		}
	}

	@Test
	void restartWithANewSecretAndTheOldOneAsPreviousCountsARotationAndKeepsOldTokensValid() throws Exception {
		boolean redis = true;
		String oldToken = TestTokens.signedWith(TestSecrets.PREVIOUS, "alice");
		try (RunningApp before = RunningApp.start(instance(TestSecrets.PREVIOUS, redis))) {
			assertThat(metrics(before)).contains("jwt_secret_rotations_total 0.0");
		}
		Instant restarted = Instant.now();
		Map<String, Object> properties = instance(TestSecrets.CURRENT, redis);
		properties.put("authwatch.jwt.previous-secret", TestSecrets.PREVIOUS);
		try (RunningApp after = RunningApp.start(properties)) {
			String metrics = metrics(after);
			assertThat(metrics).contains("jwt_secret_rotations_total 1.0");
			double timestamp = Double.parseDouble(metrics.lines()
				.filter((line) -> line.startsWith("jwt_secret_last_rotation_timestamp_seconds "))
				.findFirst()
				.orElseThrow()
				.split(" ")[1]);
			assertThat(timestamp).isBetween(restarted.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
			JsonNode report = health(after);
			assertThat(report.at("/details/last_rotation").asString()).isNotBlank();
			assertThat(report.at("/details/previous_key_id").asString())
				.isEqualTo(KeyFingerprint.of(TestSecrets.bytes(TestSecrets.PREVIOUS)));
			assertThat(report.get("status").asString()).isEqualTo("healthy");
			try (ChatClient client = ChatClient.withBearerHeader(after.port(), oldToken)) {
				assertThat(client.next().get("type").asString()).isEqualTo("welcome");
			}
		}
	}

}
