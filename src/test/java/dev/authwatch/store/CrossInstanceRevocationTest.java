package dev.authwatch.store;

import java.util.Map;

import dev.authwatch.AuthWatchApplication;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import dev.authwatch.websocket.ConnectionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one Redis: a revocation on one closes the sockets open on the other.
 */
class CrossInstanceRevocationTest {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AuthWatchApplication.class).run("--" + TestSecrets.SECRET_PROPERTY,
				"--server.port=0", "--authwatch.store=redis",
				"--spring.data.redis.host=" + RedisTestServer.uri().getHost(),
				"--spring.data.redis.port=" + RedisTestServer.uri().getPort(), "--" + TestUsers.ALICE,
				"--" + TestUsers.ALICE_PASSWORD);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void revokingAUserOnOneInstanceClosesItsSocketOnTheOther() throws Exception {
		try (ChatClient onSecond = ChatClient.withBearerHeader(port(second), TestTokens.valid("roaming-user"))) {
			onSecond.next();

			assertThat(first.getBean(ConnectionRegistry.class).revokeUser("roaming-user")).isZero();

			assertThat(onSecond.awaitClose()).isEqualTo(4003);
		}
	}

	@Test
	void logoutOnOneInstanceClosesTheLoginsSocketOnTheOther() throws Exception {
		AuthApi.Response login = AuthApi.on(port(first)).login("alice", "alice-password");
		assertThat(login.status()).isEqualTo(200);
		try (ChatClient onSecond = ChatClient.withBearerHeader(port(second), login.text("access_token"))) {
			onSecond.next();

			AuthApi.Response logout = AuthApi.on(port(first))
				.post("/api/auth/logout", Map.of("refresh_token", login.text("refresh_token")));

			assertThat(logout.status()).isEqualTo(204);
			assertThat(onSecond.awaitClose()).isEqualTo(4003);
		}
	}

}
