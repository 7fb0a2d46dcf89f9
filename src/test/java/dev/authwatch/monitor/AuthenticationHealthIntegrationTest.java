package dev.authwatch.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

// A secret of its own: the context is not shared, so no other test's attempts are in the window.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "authwatch.jwt.secret=EjiCSr3saWOL6B-kUbmfOcaFZEUjix9HuNspxbpRmts" })
class AuthenticationHealthIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private AccessTokenIssuer issuer;

	@Test
	void rejectedHandshakesShowInWsAuthHealthAndTheHealthGauge() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(get("/ws/chat").statusCode()).isEqualTo(401);
		}

		HttpResponse<String> health = get("/health", this.issuer.issue("root", java.util.List.of("admin")).value());
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode wsAuth = this.json.readTree(health.body()).path("components").path("wsAuth");
		assertThat(wsAuth.path("status").asString()).isEqualTo("UP");
		JsonNode details = wsAuth.path("details");
		assertThat(details.path("level").asString()).isEqualTo("degraded");
		assertThat(details.path("attempts").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(details.path("clientRejectionRate").asDouble()).isEqualTo(1.0);
		assertThat(details.path("systemFailureRate").asDouble()).isZero();
		assertThat(details.path("topFailureReasons").path("missing_credentials").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(details.path("warnings").get(0).asString()).startsWith("Client rejection surge");
		assertThat(details.has("p99LatencyMs")).isTrue();
		assertThat(details.path("breakers").isObject()).isTrue();

		String metrics = get("/metrics").body();
		assertThat(metrics.lines().filter((line) -> line.startsWith("auth_health_status"))).singleElement()
			.asString()
			.endsWith(" 2.0");
	}

	@Test
	void neitherReadinessNorLivenessIncludesWsAuth() throws Exception {
		JsonNode readiness = this.json.readTree(get("/health/readiness").body());
		JsonNode liveness = this.json.readTree(get("/health/liveness").body());

		assertThat(readiness.path("components").has("wsAuth")).isFalse();
		assertThat(readiness.path("components").has("readinessState")).isTrue();
		assertThat(liveness.path("components").has("wsAuth")).isFalse();
		assertThat(liveness.path("components").has("livenessState")).isTrue();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Health details are for admins (show-details: when-authorized). */
	private HttpResponse<String> get(String path, String bearerToken) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + bearerToken)
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
