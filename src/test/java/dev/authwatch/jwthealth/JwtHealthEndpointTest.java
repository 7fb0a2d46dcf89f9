package dev.authwatch.jwthealth;

import dev.authwatch.auth.jwt.KeyFingerprint;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /health/jwt} over real HTTP, in the configurations operators meet. */
class JwtHealthEndpointTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * As an admin (details are for admins), with a token signed by the current test
	 * secret.
	 */
	static JsonNode get(int port, String path, int expectedStatus) throws Exception {
		var response = AdminCalls.as(port, TestTokens.valid("root", "admin")).get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return JSON.readTree(response.body());
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
	class Healthy {

		@LocalServerPort
		int port;

		@Test
		void answers200HealthyWithScore100AndTheSpecBody() throws Exception {
			JsonNode body = get(this.port, "/health/jwt", 200);

			assertThat(body.propertyNames()).containsExactly("status", "score", "details", "issues");
			assertThat(body.get("status").asString()).isEqualTo("healthy");
			assertThat(body.get("score").asInt()).isEqualTo(100);
			assertThat(body.get("issues")).isEmpty();
			JsonNode details = body.get("details");
			assertThat(details.propertyNames()).startsWith("jwt_secret_available", "secret_length_valid",
					"secret_format_valid", "cross_service_consistency", "environment_aligned", "key_id",
					"secret_source", "last_rotation", "last_validated");
			assertThat(details.get("key_id").asString())
				.isEqualTo(KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT)));
			assertThat(details.get("secret_source").asString()).isEqualTo("JWT_SECRET");
			assertThat(details.get("last_validated").asString()).isNotBlank();
		}

		@Test
		void actuatorHealthListsTheJwtComponentAndTheSpecBodyStaysAtHealthJwt() throws Exception {
			JsonNode health = get(this.port, "/health", 200);

			assertThat(health.at("/components/jwt/status").asString()).isEqualTo("UP");
			assertThat(HttpCalls.get(this.port, "/health/jwt").body()).doesNotContain("\"UP\"");
		}

		@Test
		void scrapedMetricsCarryTheJwtSeries() throws Exception {
			String metrics = HttpCalls.get(this.port, "/metrics").body();

			assertThat(metrics).contains("jwt_config_health_score 100.0")
				.contains("jwt_config_check{check=\"jwt_secret_available\"} 1.0")
				.contains("jwt_config_check{check=\"secret_length_valid\"} 1.0")
				.contains("jwt_config_check{check=\"secret_format_valid\"} 1.0")
				.contains("jwt_config_check{check=\"cross_service_consistency\"} 1.0")
				.contains("jwt_config_check{check=\"environment_aligned\"} 1.0")
				.contains("jwt_config_check{check=\"startup_self_test\"} 1.0")
				.contains("jwt_config_drift_total 0.0")
				.containsPattern("(?m)^jwt_secret_rotations_total ")
				.containsPattern("(?m)^jwt_secret_last_rotation_timestamp_seconds ");
		}

		@Test
		void neverAnswersWithTheSecret() throws Exception {
			assertThat(HttpCalls.get(this.port, "/health/jwt").body()).doesNotContain(TestSecrets.CURRENT);
		}

	}

	/**
	 * No secret reachable: the development generator is switched off (or the environment
	 * is not dev).
	 */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "authwatch.jwt.generate-dev-secret=false")
	class NoSecret {

		@LocalServerPort
		int port;

		@Test
		void answers503UnhealthyWithAScoreOfAtMost60AndNoDetailsSinceNoAdminTokenCanBeVerified() throws Exception {
			JsonNode body = get(this.port, "/health/jwt", 503);

			assertThat(body.propertyNames()).containsExactly("status", "score");
			assertThat(body.get("status").asString()).isEqualTo("unhealthy");
			assertThat(body.get("score").asInt()).isLessThanOrEqualTo(60);
			assertThat(HttpCalls.get(this.port, "/metrics").body())
				.contains("jwt_config_check{check=\"jwt_secret_available\"} 0.0");
		}

		@Test
		void jwtHandshakesAreRefusedAsInternalWithAClearMessage() throws Exception {
			RawHandshake.Response response = RawHandshake.to(this.port).bearer(TestTokens.valid("alice")).send();

			assertThat(response.status()).isEqualTo(500);
			assertThat(response.body())
				.isEqualTo("{\"error\":\"internal\",\"message\":\"JWT signing is not configured.\"}");
			assertThat(HttpCalls.get(this.port, "/metrics").body())
				.contains("auth_errors_total{error_type=\"internal\"} 1.0")
				.contains("jwt_config_check{check=\"jwt_secret_available\"} 0.0");
		}

		@Test
		void overallHealthIsDown() throws Exception {
			JsonNode health = get(this.port, "/health", 503);

			assertThat(health.at("/components/jwt/status").asString()).isEqualTo("DOWN");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "AUTHWATCH_ENVIRONMENT=staging",
			"JWT_SECRET_STAGING=" + TestSecrets.CURRENT, "authwatch.jwt.secret=" + TestSecrets.PREVIOUS })
	class PrecedenceConflict {

		@LocalServerPort
		int port;

		@Test
		void environmentSecretWinsAndTheDifferentJwtSecretIsReported() throws Exception {
			JsonNode body = get(this.port, "/health/jwt", 200);

			assertThat(body.at("/details/secret_source").asString()).isEqualTo("JWT_SECRET_STAGING");
			assertThat(body.at("/details/environment").asString()).isEqualTo("staging");
			assertThat(body.at("/details/environment_aligned").asBoolean()).isFalse();
			assertThat(body.at("/details/key_id").asString())
				.isEqualTo(KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT)));
			assertThat(body.get("score").asInt()).isEqualTo(90);
			assertThat(body.get("issues")).singleElement()
				.extracting(JsonNode::asString)
				.asString()
				.startsWith("Precedence conflict: the secret comes from JWT_SECRET_STAGING, but JWT_SECRET");
		}

	}

}
