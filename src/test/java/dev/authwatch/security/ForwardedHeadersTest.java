package dev.authwatch.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Forwarded-For}/{@code -Proto} are believed only from a configured proxy. From
 * anyone else they change nothing: the handshake rate limit, the audit log's
 * {@code client_ip} and the session cookie's {@code Secure} flag all see the socket. The
 * test client is on loopback, so the second instance configures loopback as its proxy.
 */
class ForwardedHeadersTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TRUSTED_PROXIES = "server.tomcat.remoteip.internal-proxies";

	private static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

	private static final String FORGED_CLIENT = "203.0.113.7";

	@Test
	void forgedForwardedHeadersFromAnUntrustedAddressChangeNothing() throws Exception {
		try (RunningApp app = start(Map.of())) {
			String token = TestTokens.valid("spoofer", "user");
			for (int i = 1; i <= 3; i++) {
				assertThat(handshake(app, token, "198.51.100." + i)).isEqualTo(101);
			}
			assertThat(handshake(app, token, "198.51.100.4")).as("every forged address shares the socket's bucket")
				.isEqualTo(429);

			adminCall(app, FORGED_CLIENT);
			assertThat(auditedClientIp(app)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

			assertThat(sessionCookie(app)).doesNotContainIgnoringCase("Secure");
		}
	}

	@Test
	void forwardedHeadersFromAConfiguredProxyAreHonoured() throws Exception {
		try (RunningApp app = start(Map.of(TRUSTED_PROXIES, LOOPBACK))) {
			String token = TestTokens.valid("proxied", "user");
			for (int i = 1; i <= 4; i++) {
				assertThat(handshake(app, token, "198.51.100." + i))
					.as("each client behind the proxy has its own bucket")
					.isEqualTo(101);
			}
			for (int i = 0; i < 3; i++) {
				assertThat(handshake(app, token, "198.51.100.200")).isEqualTo(101);
			}
			assertThat(handshake(app, token, "198.51.100.200")).isEqualTo(429);

			adminCall(app, FORGED_CLIENT + ", 10.0.0.9");
			assertThat(auditedClientIp(app)).as("the last address not a trusted proxy is the client's")
				.isEqualTo("10.0.0.9");
			adminCall(app, FORGED_CLIENT);
			assertThat(auditedClientIp(app)).isEqualTo(FORGED_CLIENT);

			assertThat(sessionCookie(app)).containsIgnoringCase("Secure");
		}
	}

	private static RunningApp start(Map<String, Object> extra) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>(extra);
		for (String property : List.of(TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD,
				"authwatch.rate-limit.handshake-per-ip=3", "authwatch.rate-limit.handshake-per-account=1000")) {
			int equals = property.indexOf('=');
			properties.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return RunningApp.start(properties);
	}

	private static int handshake(RunningApp app, String token, String forwardedFor) throws Exception {
		return RawHandshake.to(app.port()).bearer(token).header("X-Forwarded-For", forwardedFor).send().status();
	}

	private static void adminCall(RunningApp app, String forwardedFor) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/admin/websocket-auth/metrics"))
				.header("Authorization", "Bearer " + TestTokens.valid("root", "admin"))
				.header("X-Forwarded-For", forwardedFor)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/** The client_ip of the newest audited call to {@code /metrics}. */
	private static String auditedClientIp(RunningApp app) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/admin/websocket-auth/audit"))
				.header("Authorization", "Bearer " + TestTokens.valid("root", "admin"))
				.build(), HttpResponse.BodyHandlers.ofString());
		for (JsonNode entry : JSON.readTree(response.body()).path("entries")) {
			if (entry.path("path").asString().endsWith("/metrics")) {
				return entry.path("client_ip").asString();
			}
		}
		throw new AssertionError("no audited /metrics call in " + response.body());
	}

	/**
	 * The session cookie of a login whose request claims, by X-Forwarded-Proto, to have
	 * come over HTTPS.
	 */
	private static String sessionCookie(RunningApp app) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-Proto", "https")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"alice\",\"password\":\"alice-password\",\"session\":true}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

}
