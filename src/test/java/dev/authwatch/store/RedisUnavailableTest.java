package dev.authwatch.store;

import java.io.IOException;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the Redis store and no Redis listening: tickets fail fast with 503, JWT keeps
 * working.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, TestUsers.ORIGINS })
class RedisUnavailableTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void deadRedis(DynamicPropertyRegistry registry) throws IOException {
		int unusedPort = RedisTestServer.freePort();
		registry.add("authwatch.store", () -> "redis");
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> unusedPort);
	}

	@Test
	void ticketHandshakeIsProviderUnavailable() throws Exception {
		long start = System.nanoTime();
		RawHandshake.Response response = RawHandshake.to(this.port)
			.path("/ws/chat?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
			.send();

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("\"error\":\"provider_unavailable\"");
		assertThat(System.nanoTime() - start).as("fails fast rather than hanging").isLessThan(5_000_000_000L);
	}

	@Test
	void mintingIsProviderUnavailable() throws Exception {
		var response = HttpCalls.post(this.port, "/api/auth/ticket", TestTokens.valid("alice"));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"error\":\"provider_unavailable\"");
	}

	@Test
	void jwtHandshakesKeepWorking() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		}
	}

	@Test
	void loginRefreshAndResetConfirmationAreProviderUnavailable() throws Exception {
		AuthApi.Response login = AuthApi.on(this.port).login("alice", "alice-password");
		AuthApi.Response refresh = AuthApi.on(this.port)
			.post("/api/auth/refresh", Map.of("refresh_token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
		AuthApi.Response confirm = AuthApi.on(this.port)
			.post("/api/auth/password-reset/confirm",
					Map.of("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "password", "long-enough-password"));

		assertThat(login.status()).isEqualTo(503);
		assertThat(login.error()).isEqualTo("provider_unavailable");
		assertThat(refresh.error()).isEqualTo("provider_unavailable");
		assertThat(confirm.error()).isEqualTo("provider_unavailable");
	}

	@Test
	void sessionCookieHandshakeIsProviderUnavailable() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port)
			.header("Cookie", "SESSION=ZmFrZS1zZXNzaW9uLWlk")
			.header("Origin", "https://chat.example.com")
			.send();

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("\"error\":\"provider_unavailable\"");
	}

}
