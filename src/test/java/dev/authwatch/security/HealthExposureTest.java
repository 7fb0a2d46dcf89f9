package dev.authwatch.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.authwatch.auth.jwt.KeyFingerprint;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the health endpoints tell a stranger: the verdict (status and score), never the
 * key id, the checks, the issues or where the secret came from, which together let a
 * guess of the secret be confirmed offline. Details go to a caller with an AuthWatch
 * admin token, as for the admin API; orchestrators' probes keep answering anonymously.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class HealthExposureTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY_ID = KeyFingerprint.of(TestSecrets.bytes(TestSecrets.CURRENT));

	@LocalServerPort
	int port;

	@Test
	void anonymousJwtHealthShowsStatusAndScoreOnly() throws Exception {
		HttpResponse<String> response = get("/health/jwt", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).propertyNames()).containsExactly("status", "score");
		assertThat(response.body()).doesNotContain(KEY_ID).doesNotContain("JWT_SECRET");
	}

	@Test
	void anonymousHealthShowsStatusesWithoutDetails() throws Exception {
		HttpResponse<String> response = get("/health", null);

		JsonNode health = JSON.readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").propertyNames()).contains("jwt", "wsAuth");
		health.get("components")
			.forEach((component) -> assertThat(component.propertyNames()).containsExactly("status"));
		assertThat(response.body()).doesNotContain(KEY_ID);
	}

	@Test
	void tokensWithoutTheAdminRoleOrFromAnotherKeySeeWhatAStrangerSees() throws Exception {
		for (String token : new String[] { TestTokens.valid("eve", "user"),
				TestTokens.signedWith(TestSecrets.FOREIGN, "root", "admin"), "not-a-token" }) {
			assertThat(JSON.readTree(get("/health/jwt", token).body()).propertyNames()).containsExactly("status",
					"score");
			assertThat(get("/health", token).body()).doesNotContain(KEY_ID).doesNotContain("\"details\"");
		}
	}

	@Test
	void adminTokenSeesTheFullReport() throws Exception {
		String admin = TestTokens.valid("root", "admin");

		JsonNode jwt = JSON.readTree(get("/health/jwt", admin).body());
		JsonNode health = JSON.readTree(get("/health", admin).body());

		assertThat(jwt.propertyNames()).containsExactly("status", "score", "details", "issues");
		assertThat(jwt.at("/details/key_id").asString()).isEqualTo(KEY_ID);
		assertThat(jwt.at("/details/secret_source").asString()).isEqualTo("JWT_SECRET");
		assertThat(health.at("/components/jwt/details/key_id").asString()).isEqualTo(KEY_ID);
		assertThat(health.at("/components/wsAuth/details/level").isMissingNode()).isFalse();
	}

	@Test
	void orchestratorProbesAnswerAnonymously() throws Exception {
		for (String probe : new String[] { "/health/liveness", "/health/readiness" }) {
			HttpResponse<String> response = get(probe, null);

			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
			assertThat(response.body()).doesNotContain("\"details\"");
		}
	}

	@Test
	void peerProofRevealsTheKeyIdOnlyToAHolderOfTheKeyAndOpensNothingElse() throws Exception {
		long now = Instant.now().getEpochSecond();
		String proof = TestTokens.raw(TestTokens.currentHeader(), TestTokens.validPayload("authwatch-jwt-peer", now)
			.replace("\"aud\":\"authwatch\"", "\"aud\":\"authwatch/jwt-peer\""));
		String foreignProof = TestTokens.signedWith(TestSecrets.FOREIGN, "authwatch-jwt-peer");

		JsonNode peer = JSON.readTree(send(request("/health/jwt").header("AuthWatch-Peer-Proof", proof)).body());
		JsonNode userTokenAsProof = JSON
			.readTree(send(request("/health/jwt").header("AuthWatch-Peer-Proof", TestTokens.valid("eve"))).body());
		JsonNode stranger = JSON
			.readTree(send(request("/health/jwt").header("AuthWatch-Peer-Proof", foreignProof)).body());

		assertThat(peer.get("details").propertyNames()).containsExactly("key_id");
		assertThat(peer.at("/details/key_id").asString()).isEqualTo(KEY_ID);
		assertThat(userTokenAsProof.get("details").propertyNames()).containsExactly("peer_proof");
		assertThat(userTokenAsProof.at("/details/peer_proof").asString()).isEqualTo("wrong_audience");
		assertThat(stranger.at("/details/peer_proof").asString()).isEqualTo("unknown_key");
		assertThat(stranger.toString()).doesNotContain(KEY_ID);
		assertThat(get("/api/admin/websocket-auth/health", proof).statusCode()).isEqualTo(401);
		assertThat(RawHandshake.to(this.port).bearer(proof).send().body()).startsWith("{\"error\":\"wrong_audience\"");
	}

	private HttpResponse<String> get(String path, @Nullable String bearer) throws Exception {
		HttpRequest.Builder request = request(path);
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
