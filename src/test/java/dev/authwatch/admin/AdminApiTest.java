package dev.authwatch.admin;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.authwatch.events.AuthEvent;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.authwatch.support.AdminCalls.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin API against the running service: access control, audit, test connection,
 * sessions, events.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD })
class AdminApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AuthEventLog events;

	private final String adminToken = TestTokens.valid("root", "admin");

	private AdminCalls admin() {
		return AdminCalls.as(this.port, this.adminToken);
	}

	@Test
	void everyAdminEndpointIsUnauthorizedAnonymouslyForbiddenToUsersAndOpenToAdmins() throws Exception {
		List<String> endpoints = List.of("GET /health", "GET /metrics", "GET /audit", "GET /session/dave",
				"DELETE /session/dave", "POST /test-connection", "GET /events");
		String userToken = TestTokens.valid("eve", "user");
		for (String endpoint : endpoints) {
			assertThat(call(AdminCalls.as(this.port, null), endpoint)).as("anonymous " + endpoint).isEqualTo(401);
			assertThat(call(AdminCalls.as(this.port, userToken), endpoint)).as("user " + endpoint).isEqualTo(403);
			assertThat(call(admin(), endpoint)).as("admin " + endpoint).isEqualTo(200);
		}

		JsonNode entries = JSON.readTree(admin().get(BASE + "/audit?limit=1000").body()).path("entries");
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = BASE + endpoint.substring(endpoint.indexOf(' ') + 1);
			assertThat(audited(entries, method, path)).as(endpoint)
				.extracting((entry) -> entry.path("who").asString() + ":" + entry.path("status").asInt() + ":"
						+ entry.path("client_ip").asString())
				.contains("anonymous:401:127.0.0.1", "eve:403:127.0.0.1", "root:200:127.0.0.1");
		}
		assertThat(audited(entries, "GET", BASE + "/session/dave"))
			.allMatch((entry) -> "dave".equals(entry.path("target").asString()));
		assertThat(audited(entries, "POST", BASE + "/test-connection"))
			.filteredOn((entry) -> entry.path("status").asInt() == 200)
			.allMatch((entry) -> "dave".equals(entry.path("target").asString()));
	}

	@Test
	void rejectedTokensAreAnsweredWithTheirTaxonomyReason() throws Exception {
		HttpResponse<String> anonymous = AdminCalls.as(this.port, null).get(BASE + "/metrics");
		HttpResponse<String> forged = AdminCalls.as(this.port, TestTokens.signedWith(TestSecrets.FOREIGN, "root"))
			.get(BASE + "/metrics");
		HttpResponse<String> user = AdminCalls.as(this.port, TestTokens.valid("eve", "user")).get(BASE + "/metrics");

		assertThat(JSON.readTree(anonymous.body()).path("error").asString()).isEqualTo("missing_credentials");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(forged.body()).path("error").asString()).isIn("invalid_signature", "unknown_key");
		assertThat(JSON.readTree(user.body()).path("error").asString()).isEqualTo("forbidden");
	}

	@Test
	void testConnectionMakesARealHandshakeCountedInMetricsAndTimesEachStep() throws Exception {
		long jwtBefore = JSON.readTree(admin().get(BASE + "/metrics").body())
			.path("methods")
			.path("jwt")
			.path("successes")
			.asLong();

		JsonNode report = JSON.readTree(admin().post(BASE + "/test-connection", "{\"user_id\":\"frank\"}").body());

		assertThat(report.path("success").asBoolean()).as(report.toString()).isTrue();
		List<String> steps = new ArrayList<>();
		report.path("steps").forEach((step) -> {
			steps.add(step.path("name").asString() + "=" + step.path("outcome").asString());
			assertThat(step.path("millis").asDouble()).isGreaterThanOrEqualTo(0);
		});
		assertThat(steps).containsExactly("token=ok", "chain:origin=allowed", "chain:jwt=authenticated", "handshake=ok",
				"welcome=ok", "ping=ok", "close=ok");
		JsonNode metrics = JSON.readTree(admin().get(BASE + "/metrics").body());
		assertThat(metrics.path("methods").path("jwt").path("successes").asLong()).isEqualTo(jwtBefore + 1);
		assertThat(metrics.path("methods").path("jwt").path("latency").path("samples").asInt()).isPositive();
	}

	@Test
	void testConnectionNeedsAUserIdOfAtMost256Characters() throws Exception {
		assertThat(admin().post(BASE + "/test-connection", "{}").statusCode()).isEqualTo(400);
		assertThat(admin().post(BASE + "/test-connection", "{\"user_id\":\"" + "x".repeat(300) + "\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void sessionListsTheUsersOpenSocketsAndDeleteClosesThemWith4003() throws Exception {
		try (ChatClient first = ChatClient.withBearerHeader(this.port, TestTokens.valid("grace", "user"));
				ChatClient second = ChatClient.withBearerSubprotocol(this.port, TestTokens.valid("grace", "user"))) {
			first.next();
			second.next();

			JsonNode session = JSON.readTree(admin().get(BASE + "/session/grace").body());
			assertThat(session.path("connections")).hasSize(2);
			JsonNode connection = session.path("connections").get(0);
			assertThat(connection.path("method").asString()).isEqualTo("jwt");
			assertThat(connection.path("remoteAddress").asString()).isEqualTo("127.0.0.1");
			assertThat(connection.path("health").asString()).isEqualTo("healthy");
			assertThat(connection.has("credentialExpiresAt")).isTrue();
			assertThat(session.path("attempts").asLong()).isGreaterThanOrEqualTo(2);

			JsonNode deleted = JSON.readTree(admin().delete(BASE + "/session/grace").body());
			assertThat(deleted.path("closed").asInt()).isEqualTo(2);
			assertThat(first.awaitClose()).isEqualTo(4003);
			assertThat(second.awaitClose()).isEqualTo(4003);
		}
		await().untilAsserted(
				() -> assertThat(JSON.readTree(admin().get(BASE + "/session/grace").body()).path("connections"))
					.isEmpty());
	}

	@Test
	void disconnectingAUserAlsoRevokesItsLogins() throws Exception {
		AuthApi.Response login = AuthApi.on(this.port).login("alice", "alice-password");
		assertThat(login.status()).isEqualTo(200);
		try (ChatClient client = ChatClient.withBearerHeader(this.port, login.text("access_token"))) {
			client.next();

			admin().delete(BASE + "/session/alice");

			assertThat(client.awaitClose()).isEqualTo(4003);
		}
		AuthApi.Response refresh = AuthApi.on(this.port)
			.post("/api/auth/refresh", java.util.Map.of("refresh_token", login.text("refresh_token")));
		assertThat(refresh.status()).isEqualTo(401);
		assertThat(RawHandshake.to(this.port).bearer(login.text("access_token")).send().status()).isEqualTo(401);
	}

	@Test
	void eventStreamDeliversANewFailureAsItHappens() throws Exception {
		long seen = this.events.recent(1).stream().mapToLong(AuthEvent::sequence).findFirst().orElse(0);
		HttpResponse<InputStream> stream = admin().stream(BASE + "/events", seen);
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			CompletableFuture<String> failure = CompletableFuture.supplyAsync(() -> lines.lines()
				.filter((line) -> line.startsWith("data:") && line.contains("\"AUTH_FAILURE\""))
				.findFirst()
				.orElse(null));

			RawHandshake.to(this.port)
				.bearer(TestTokens.customised((jwt) -> jwt.audience().single("somebody-else")))
				.send();

			String data = failure.get(10, TimeUnit.SECONDS);
			JsonNode event = JSON.readTree(data.substring("data:".length()));
			assertThat(event.path("type").asString()).isEqualTo("AUTH_FAILURE");
			assertThat(event.path("severity").asString()).isEqualTo("WARNING");
			assertThat(event.path("reason").asString()).isEqualTo("wrong_audience");
		}
	}

	@Test
	void healthShowsDetailsToAdminsOnly() throws Exception {
		JsonNode anonymous = JSON.readTree(AdminCalls.as(this.port, null).get("/health").body());
		JsonNode user = JSON.readTree(AdminCalls.as(this.port, TestTokens.valid("eve", "user")).get("/health").body());
		JsonNode asAdmin = JSON.readTree(admin().get("/health").body());

		assertThat(anonymous.path("components").path("wsAuth").path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.path("components").path("wsAuth").has("details")).isFalse();
		assertThat(user.path("components").path("wsAuth").has("details")).isFalse();
		assertThat(asAdmin.path("components").path("wsAuth").path("details").path("level").asString()).isNotEmpty();
	}

	@Test
	void openApiDescribesTheAdminApiWithItsBearerScheme() throws Exception {
		JsonNode api = JSON.readTree(AdminCalls.as(this.port, null).get("/v3/api-docs").body());

		assertThat(api.path("paths").has(BASE + "/test-connection")).isTrue();
		assertThat(api.path("paths").has(BASE + "/session/{user_id}")).isTrue();
		assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
	}

	private static List<JsonNode> audited(JsonNode entries, String method, String path) {
		List<JsonNode> matching = new ArrayList<>();
		entries.forEach((entry) -> {
			if (entry.path("method").asString().equals(method) && entry.path("path").asString().equals(path)) {
				matching.add(entry);
			}
		});
		return matching;
	}

	private static int call(AdminCalls calls, String endpoint) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String path = BASE + endpoint.substring(endpoint.indexOf(' ') + 1);
		return switch (method) {
			case "DELETE" -> calls.delete(path).statusCode();
			case "POST" -> calls.post(path, "{\"user_id\":\"dave\"}").statusCode();
			default -> {
				if (path.endsWith("/events")) {
					HttpResponse<InputStream> stream = calls.stream(path);
					stream.body().close();
					yield stream.statusCode();
				}
				yield calls.get(path).statusCode();
			}
		};
	}

}
