package dev.authwatch.security;

import java.time.Duration;
import java.util.Map;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.OwnRedis;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame budget counts what a client sends, not what the server could not process in
 * time. While Redis stalls, each message holds the connection's thread for the store's
 * timeout and the client's next frames wait in the socket; when Redis answers again they
 * are read at once. A client at half its budget must not be closed for that, and a
 * flooder still is. Its own Redis, paused with {@code CLIENT PAUSE}, so that no other
 * test's store stalls.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "authwatch.websocket.max-messages-per-second=10" })
class StalledStoreBudgetTest {

	@RegisterExtension
	static final OwnRedis redis = OwnRedis.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		redis.register(registry);
	}

	@Test
	void aSenderAtHalfItsBudgetIsNotClosedForTheStoresStall() throws Exception {
		try (ChatClient client = joined("patient")) {
			pauseRedis(Duration.ofSeconds(6));
			int messages = 40;
			for (int i = 0; i < messages; i++) {
				int sent = i;
				assertThat(client.trySend(Map.of("type", "message", "room", "stall", "id", "m" + i, "text", "hi")))
					.as(() -> "message " + sent + " sent; the server had closed with " + client.awaitClose())
					.isTrue();
				Thread.sleep(200);
			}
			for (int answered = 0; answered < messages;) {
				JsonNode frame = client.nextWithin(Duration.ofSeconds(10));
				assertThat(frame).as("an ack or an error for each of the %d messages, %d so far", messages, answered)
					.isNotNull();
				assertThat(frame.path("code").asString()).as(frame.toString()).isNotEqualTo("rate_limited");
				String type = frame.path("type").asString();
				if (type.equals("ack") || type.equals("error")) {
					answered++;
				}
			}
		}
	}

	@Test
	void aFlooderIsStillClosedThroughTheStall() throws Exception {
		try (ChatClient client = joined("flooder")) {
			pauseRedis(Duration.ofSeconds(3));
			Thread flood = new Thread(() -> {
				for (int i = 0; i < 100_000
						&& client.trySend(Map.of("type", "message", "room", "stall", "text", "x")); i++) {
					// as fast as the socket takes them
				}
			});
			flood.start();
			assertThat(client.awaitClose()).isEqualTo(1008);
			flood.join(10_000);
		}
	}

	private ChatClient joined(String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid(user, "user"));
		client.welcomeThenJoin("stall");
		return client;
	}

	/** Every client's commands wait for {@code pause}, the service's included. */
	private static void pauseRedis(Duration pause) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(pause.toMillis());
		}
		finally {
			client.shutdown();
		}
	}

}
