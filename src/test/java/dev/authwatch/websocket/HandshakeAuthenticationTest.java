package dev.authwatch.websocket;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "authwatch.websocket.allowed-origins=https://chat.example.com" })
class HandshakeAuthenticationTest {

	@LocalServerPort
	int port;

	@Test
	void bearerHeaderUpgradesAndTheWelcomeNamesTheUser() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice", "user"))) {
			JsonNode welcome = client.next();

			assertThat(welcome.get("type").asString()).isEqualTo("welcome");
			assertThat(welcome.get("user").asString()).isEqualTo("alice");
			assertThat(welcome.get("method").asString()).isEqualTo("jwt");
			assertThat(welcome.get("expiresAt").asString()).isNotBlank();
		}
	}

	@Test
	void bearerSubprotocolUpgradesAndTheServerSelectsBearer() throws Exception {
		try (ChatClient client = ChatClient.withBearerSubprotocol(this.port, TestTokens.valid("bob", "user"))) {
			assertThat(client.subprotocol()).isEqualTo("bearer");
			assertThat(client.next().get("user").asString()).isEqualTo("bob");
		}
	}

	@Test
	void allowedBrowserOriginUpgrades() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port)
			.header("Origin", "https://chat.example.com")
			.bearer(TestTokens.valid("alice"))
			.send();

		assertThat(response.status()).isEqualTo(101);
	}

	/**
	 * Browsers offer permessage-deflate on every connection; accepted, it costs a zlib
	 * context of ~140 KB off the heap per connection and a compression per member of
	 * every broadcast.
	 */
	@Test
	void anOfferOfCompressionIsDeclined() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port)
			.header("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
			.bearer(TestTokens.valid("alice"))
			.send();

		assertThat(response.status()).isEqualTo(101);
		assertThat(response.headers()).doesNotContainKey("sec-websocket-extensions");
	}

	@Test
	void noCredentialIsMissingCredentials() throws Exception {
		assertRejected(RawHandshake.to(this.port).send(), 401, "missing_credentials");
	}

	@Test
	void expiredTokenIsExpired() throws Exception {
		String expired = TestTokens
			.customised((b) -> b.issuedAt(java.util.Date.from(java.time.Instant.now().minusSeconds(600)))
				.expiration(java.util.Date.from(java.time.Instant.now().minusSeconds(300))));

		assertRejected(RawHandshake.to(this.port).bearer(expired).send(), 401, "expired");
	}

	@Test
	void tokenSignedWithAnotherSecretIsInvalidSignature() throws Exception {
		String forged = TestTokens.customised(
				(b) -> b.signWith(io.jsonwebtoken.security.Keys.hmacShaKeyFor(TestSecrets.bytes(TestSecrets.FOREIGN)),
						io.jsonwebtoken.Jwts.SIG.HS256));

		assertRejected(RawHandshake.to(this.port).bearer(forged).send(), 401, "invalid_signature");
	}

	@Test
	void unsignedTokenIsRejected() throws Exception {
		assertRejected(RawHandshake.to(this.port).bearer(TestTokens.unsigned("alice")).send(), 401,
				"invalid_signature");
	}

	@Test
	void garbageTokenIsMalformed() throws Exception {
		assertRejected(RawHandshake.to(this.port).bearer("not.a.jwt").send(), 401, "malformed");
	}

	@Test
	void controlCharacterInAHeaderTheChainReadsIsMalformed() throws Exception {
		assertRejected(RawHandshake.to(this.port).bearer(TestTokens.valid("alice") + "\u0085").send(), 401,
				"malformed");
		assertRejected(RawHandshake.to(this.port)
			.header("Origin", "https://chat.example.com\u0085")
			.bearer(TestTokens.valid("alice"))
			.send(), 401, "malformed");
	}

	@Test
	void tokenForAnotherAudienceIsWrongAudience() throws Exception {
		String token = TestTokens.customised((b) -> b.audience().single("billing"));

		assertRejected(RawHandshake.to(this.port).bearer(token).send(), 401, "wrong_audience");
	}

	@Test
	void foreignOriginIsRejectedEvenWithAValidToken() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port)
			.header("Origin", "https://evil.example")
			.bearer(TestTokens.valid("alice"))
			.send();

		assertRejected(response, 403, "origin_rejected");
	}

	@Test
	void queryTokenIsIgnoredUnlessEnabled() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port)
			.path("/ws/chat?access_token=" + TestTokens.valid("alice"))
			.send();

		assertRejected(response, 401, "missing_credentials");
	}

	@Test
	void tokenInTwoPlacesIsMalformed() throws Exception {
		String token = TestTokens.valid("alice");
		RawHandshake.Response response = RawHandshake.to(this.port)
			.bearer(token)
			.header("Sec-WebSocket-Protocol", "bearer, " + token)
			.send();

		assertRejected(response, 401, "malformed");
	}

	@Test
	void metricsCountHandshakesWithoutNamingUsersOrTokens() throws Exception {
		String token = TestTokens.valid("metrics-user-7f3a", "user");
		try (ChatClient client = ChatClient.withBearerHeader(this.port, token)) {
			client.next();
		}
		RawHandshake.to(this.port).bearer("not.a.jwt").send();
		HttpCalls.get(this.port, "/health");

		String metrics = HttpCalls.get(this.port, "/metrics").body();

		assertThat(counter(metrics, "auth_logins_total{method=\"jwt\",result=\"success\"}")).isGreaterThanOrEqualTo(1);
		assertThat(counter(metrics, "auth_logins_total{method=\"jwt\",result=\"failure\"}")).isGreaterThanOrEqualTo(1);
		assertThat(counter(metrics, "auth_errors_total{error_type=\"malformed\"}")).isGreaterThanOrEqualTo(1);
		assertThat(metrics).contains("auth_operation_latency_seconds_bucket{operation=\"ws_handshake\"")
			.contains("auth_operation_latency_seconds_count{operation=\"jwt_validate\"}")
			.contains("auth_ws_connections_active")
			.contains("auth_ws_disconnects_total{reason=\"client_close\"}")
			.contains("jvm_memory_used_bytes")
			.doesNotContain("spring_security_filterchains")
			.contains(
					"http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/health\"}")
			// timed once, as ws_handshake, not a second time by http_server_requests
			.doesNotContain("uri=\"/ws/chat\"")
			.doesNotContain("metrics-user-7f3a")
			.doesNotContain(token.substring(0, 20))
			.doesNotContain(TestSecrets.CURRENT);
	}

	@Test
	void rejectionBodiesNeverEchoTheToken() throws Exception {
		String token = TestTokens.customised((b) -> b.audience().single("billing"));

		RawHandshake.Response response = RawHandshake.to(this.port).bearer(token).send();

		assertThat(response.body()).doesNotContain(token).doesNotContain("Exception").doesNotContain("at dev.");
	}

	private static void assertRejected(RawHandshake.Response response, int status, String error) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.headers().get("content-type")).startsWith("application/json");
		assertThat(response.body()).contains("\"error\":\"" + error + "\"").contains("\"message\":\"");
		// The handshake's own, lean filter chain keeps Spring Security's headers on a
		// refusal.
		assertThat(response.headers()).containsEntry("x-content-type-options", "nosniff")
			.containsEntry("x-frame-options", "DENY")
			.containsKey("cache-control");
	}

	static double counter(String metrics, String series) {
		return metrics.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("series not found: " + series));
	}

}
