package dev.authwatch.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestUsers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AuthWatch on a Redis that demands credentials: {@code requirepass} for the default user
 * and an ACL user limited to AuthWatch's keys and channels. With the ACL user's
 * credentials two instances share tickets, sessions, refresh families and revocations;
 * with wrong ones the service refuses to start with a message that names the settings and
 * never the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisCredentialsTest {

	private static final String DEFAULT_USER_PASSWORD = "requirepass-Secret-4711";

	private static final String ACL_USER = "authwatch";

	private static final String ACL_PASSWORD = "acl-Secret-0815-authwatch";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PORT = freePort();

	private static final RedisServer redis = start();

	@AfterAll
	static void stop() throws IOException {
		redis.stop();
	}

	@Test
	void anAclUserWithItsPasswordServesTicketsSessionsRefreshAndRevocations() throws Exception {
		try (RunningApp first = RunningApp.start(instance(ACL_USER, ACL_PASSWORD));
				RunningApp second = RunningApp.start(instance(ACL_USER, ACL_PASSWORD))) {
			AuthApi.Response login = AuthApi.on(first.port())
				.post("/api/auth/login", Map.of("username", "alice", "password", "alice-password", "session", true));
			assertThat(login.status()).as(login.raw().body()).isEqualTo(200);

			AuthApi.Response refreshed = AuthApi.on(second.port())
				.post("/api/auth/refresh", Map.of("refresh_token", login.text("refresh_token")));
			assertThat(refreshed.status()).as(refreshed.raw().body()).isEqualTo(200);

			var minted = HttpCalls.post(first.port(), "/api/auth/ticket", refreshed.text("access_token"));
			assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
			String ticket = JSON.readTree(minted.body()).get("ticket").asString();
			assertThat(RawHandshake.to(second.port()).path("/ws/chat?ticket=" + ticket).send().status()).isEqualTo(101);

			String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
			String cookie = setCookie.substring(0, setCookie.indexOf(';'));
			try (ChatClient bySession = ChatClient.withHeaders(second.port(),
					Map.of("Cookie", cookie, "Origin", "https://chat.example.com"));
					ChatClient byToken = ChatClient.withBearerHeader(second.port(), refreshed.text("access_token"))) {
				assertThat(bySession.next().get("method").asString()).isEqualTo("session");
				assertThat(byToken.next().get("method").asString()).isEqualTo("jwt");

				AuthApi.Response logout = AuthApi.on(first.port())
					.post("/api/auth/logout", Map.of("refresh_token", refreshed.text("refresh_token")));

				assertThat(logout.status()).isEqualTo(204);
				assertThat(byToken.awaitClose()).as("the revocation crossed Redis pub/sub").isEqualTo(4003);
			}
			assertThat(HttpCalls.get(first.port(), "/health/readiness").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aWrongPasswordStopsStartupNamingTheSettingsAndNeverThePassword(CapturedOutput output) {
		String wrong = "wrong-Password-31337";

		assertThatThrownBy(() -> RunningApp.start(instance(ACL_USER, wrong)).close()).rootCause()
			.hasMessageContaining("spring.data.redis.password")
			.hasMessageContaining("spring.data.redis.username")
			.hasMessageNotContaining(wrong);
		assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(ACL_PASSWORD);
	}

	@Test
	void noPasswordForAProtectedRedisStopsStartupNamingTheSetting(CapturedOutput output) {
		assertThatThrownBy(() -> RunningApp.start(instance(null, null)).close()).rootCause()
			.hasMessageContaining("spring.data.redis.password");
		assertThat(output.getAll()).doesNotContain(DEFAULT_USER_PASSWORD);
	}

	private static Map<String, Object> instance(String username, String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		properties.put("authwatch.store", "redis");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", PORT);
		if (username != null) {
			properties.put("spring.data.redis.username", username);
		}
		if (password != null) {
			properties.put("spring.data.redis.password", password);
		}
		for (String property : new String[] { TestUsers.ALICE, TestUsers.ALICE_PASSWORD, TestUsers.ORIGINS }) {
			properties.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		return properties;
	}

	/**
	 * A Redis whose default user needs {@code requirepass}, and an ACL user that may run
	 * every command but the dangerous ones on AuthWatch's keys and channels only.
	 */
	private static RedisServer start() {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(PORT)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("requirepass " + DEFAULT_USER_PASSWORD)
				.build();
			server.start();
			RedisClient client = RedisClient.create(RedisURI.builder()
				.withHost("127.0.0.1")
				.withPort(PORT)
				.withPassword(DEFAULT_USER_PASSWORD.toCharArray())
				.build());
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync()
					.dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8),
							new CommandArgs<>(StringCodec.UTF8).add("SETUSER")
								.add(ACL_USER)
								.add("on")
								.add(">" + ACL_PASSWORD)
								.add("~authwatch:*")
								.add("resetchannels")
								.add("&authwatch:*")
								.add("+@all")
								.add("-@dangerous"));
			}
			finally {
				client.shutdown();
			}
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try {
			return RedisTestServer.freePort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
