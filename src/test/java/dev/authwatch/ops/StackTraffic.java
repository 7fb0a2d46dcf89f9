package dev.authwatch.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Date;
import java.time.Instant;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real traffic for the stack test: successes and a failure of each kind a client can
 * cause.
 */
final class StackTraffic {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StackTraffic() {
	}

	static void drive(int port) throws Exception {
		for (int i = 0; i < 5; i++) {
			try (ChatClient client = ChatClient.withBearerHeader(port, TestTokens.valid("stack-user-" + i, "user"))) {
				client.next();
			}
			String ticket = JSON
				.readTree(HttpCalls.post(port, "/api/auth/ticket", TestTokens.valid("stack-user-" + i)).body())
				.get("ticket")
				.asString();
			assertThat(RawHandshake.to(port).path("/ws/chat?ticket=" + ticket).send().status()).isEqualTo(101);
		}
		RawHandshake.to(port).send();
		RawHandshake.to(port).bearer("not.a.jwt").send();
		RawHandshake.to(port).bearer(TestTokens.signedWith(TestSecrets.FOREIGN, "stack-user")).send();
		RawHandshake.to(port)
			.bearer(TestTokens.customised((b) -> b.issuedAt(Date.from(Instant.now().minusSeconds(600)))
				.expiration(Date.from(Instant.now().minusSeconds(300)))))
			.send();
		RawHandshake.to(port).bearer(TestTokens.customised((b) -> b.audience().single("billing"))).send();
		RawHandshake.to(port).header("Origin", "https://evil.example").bearer(TestTokens.valid("stack-user")).send();
		RawHandshake.to(port).path("/ws/chat?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").send();
		try (ChatClient client = ChatClient.withBearerHeader(port,
				TestTokens.withTtl("stack-user", Duration.ofMinutes(5)))) {
			client.next();
		}
	}

	/** Logs in, refreshes, then presents the used refresh token again: token reuse. */
	static void tokenReuse(int port) throws Exception {
		AuthApi api = AuthApi.on(port);
		AuthApi.Response login = api.login("alice", "alice-password");
		assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
		String refreshToken = login.text("refresh_token");
		assertThat(api.post("/api/auth/refresh", Map.of("refresh_token", refreshToken)).status()).isEqualTo(200);

		AuthApi.Response reuse = api.post("/api/auth/refresh", Map.of("refresh_token", refreshToken));

		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.error()).isEqualTo("token_reuse");
	}

	/** Guest and password-reset traffic, so their panels move beyond zero. */
	static void lifecycleFlows(int port) throws Exception {
		AuthApi api = AuthApi.on(port);
		assertThat(api.post("/api/auth/guest", Map.of()).status()).isEqualTo(200);
		assertThat(api.post("/api/auth/password-reset", Map.of("username", "alice")).status()).isEqualTo(202);
		assertThat(api
			.post("/api/auth/password-reset/confirm",
					Map.of("token", "not-a-reset-token", "password", "irrelevant-pass"))
			.status()).isEqualTo(401);
	}

}
