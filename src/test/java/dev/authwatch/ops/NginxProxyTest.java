package dev.authwatch.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.CredentialsTest;
import dev.authwatch.support.ExternalTool;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped {@code nginx/} configuration, run by Debian's nginx in front of a running
 * AuthWatch (only the listen port and the upstream addresses substituted): every
 * credential a client can present reaches AuthWatch through it unchanged.
 */
@CredentialsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxProxyTest {

	private static final String ALLOWED_ORIGIN = "https://chat.example.com";

	@LocalServerPort
	int authwatchPort;

	private StackProcess nginx;

	private int port;

	@BeforeAll
	void startNginx(@TempDir Path directory) throws Exception {
		this.port = LocalPorts.free();
		this.nginx = ShippedNginx.start(ExternalTool.require("nginx", "nginx-light"), directory, this.port,
				List.of(this.authwatchPort));
	}

	@AfterAll
	void stopNginx() throws InterruptedException {
		if (this.nginx != null) {
			this.nginx.close();
		}
	}

	@Test
	void bearerSubprotocolAndAuthorizationHeaderHandshakesUpgradeThroughTheProxy() throws Exception {
		try (ChatClient browserLike = ChatClient.withBearerSubprotocol(this.port, TestTokens.valid("alice", "user"));
				ChatClient service = ChatClient.withBearerHeader(this.port, TestTokens.valid("bob", "user"))) {
			assertThat(browserLike.subprotocol()).isEqualTo("bearer");
			assertThat(browserLike.next().path("type").asString()).isEqualTo("welcome");
			JsonNode welcome = service.next();
			assertThat(welcome.path("method").asString()).isEqualTo("jwt");

			browserLike.send(Map.of("type", "join", "room", "proxied"));
			service.send(Map.of("type", "join", "room", "proxied"));
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				service.send(Map.of("type", "message", "room", "proxied", "text", "through nginx"));
				assertThat(browserLike.nextWithin(Duration.ofSeconds(1)).path("text").asString())
					.isEqualTo("through nginx");
			});
		}
	}

	@Test
	void theBrowsersOriginReachesAuthWatchSoAForeignOriginIsStillRefused() throws IOException {
		RawHandshake.Response refused = RawHandshake.to(this.port)
			.bearer(TestTokens.valid("alice", "user"))
			.header("Origin", "https://evil.example")
			.send();

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("\"error\":\"origin_rejected\"");
	}

	@Test
	void aSessionCookieLoginThroughTheProxyOpensACookieHandshake() throws Exception {
		AuthApi.Response login = AuthApi.on(this.port)
			.post("/api/auth/login", Map.of("username", "alice", "password", "alice-password", "session", true));
		assertThat(login.status()).isEqualTo(200);
		String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();

		try (ChatClient client = ChatClient.withHeaders(this.port,
				Map.of("Cookie", setCookie.substring(0, setCookie.indexOf(';')), "Origin", ALLOWED_ORIGIN))) {
			assertThat(client.next().path("method").asString()).isEqualTo("session");
		}
	}

	@Test
	void aRefusedHandshakeKeepsItsJsonReasonThroughTheProxy() throws IOException {
		RawHandshake.Response refused = RawHandshake.to(this.port).bearer("not.a.jwt").send();

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).contains("\"error\":\"malformed\"");
	}

}
