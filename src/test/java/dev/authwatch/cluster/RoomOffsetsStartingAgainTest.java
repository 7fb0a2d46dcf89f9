package dev.authwatch.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.OwnRedis;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room's offsets start again at 1 under members that stay connected: Redis restarted
 * empty, or the room was idle past its offset's expiry. The instances deliver the new
 * messages instead of taking them for ones they already delivered.
 */
class RoomOffsetsStartingAgainTest {

	@RegisterExtension
	static final OwnRedis redis = OwnRedis.start();

	private static RunningApp a;

	private static RunningApp b;

	private final String room = "r" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void start() {
		Map<String, Object> properties = Map.of("authwatch.store", "redis", "spring.data.redis.host", "127.0.0.1",
				"spring.data.redis.port", redis.port(), "authwatch.jwt.secret", TestSecrets.CURRENT);
		a = RunningApp.start(properties);
		b = RunningApp.start(properties);
	}

	@AfterAll
	static void stop() {
		b.close();
		a.close();
	}

	@Test
	void aRoomWhoseRedisRestartedEmptyStillReachesItsMembers() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			sendThree(alice, bob);

			redis.stop();
			redis.restart();
			await().atMost(Duration.ofSeconds(15)).until(() -> subscribers() == 2);
			await().atMost(Duration.ofSeconds(15)).until(() -> send(alice, "after"));

			assertFirstAgain(bob);
		}
	}

	@Test
	void aRoomIdlePastItsOffsetsExpiryStillReachesItsMembers() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			sendThree(alice, bob);

			expire(RedisRoomFanout.offsetKey(this.room), RedisRoomFanout.historyKey(this.room));
			assertThat(send(alice, "after")).isTrue();

			assertFirstAgain(bob);
		}
	}

	private ChatClient member(RunningApp instance, String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(instance.port(), TestTokens.valid(user, "user"));
		client.welcomeThenJoin(this.room);
		return client;
	}

	private void sendThree(ChatClient alice, ChatClient bob) throws InterruptedException {
		for (int i = 1; i <= 3; i++) {
			assertThat(send(alice, "before-" + i)).isTrue();
			assertThat(bob.next("message").get("offset").asLong()).isEqualTo(i);
		}
	}

	private static void assertFirstAgain(ChatClient bob) throws InterruptedException {
		JsonNode after = bob.next("message");
		assertThat(after.get("text").asString()).isEqualTo("after");
		assertThat(after.get("offset").asLong()).isEqualTo(1);
	}

	/** Whether the message was stored and published (Redis may not be reachable yet). */
	private boolean send(ChatClient sender, String text) throws InterruptedException {
		sender.send(Map.of("type", "message", "room", this.room, "id", text, "text", text));
		JsonNode frame;
		do {
			frame = sender.next();
		}
		while (!"ack".equals(frame.get("type").asString()) && !"error".equals(frame.get("type").asString()));
		return "ack".equals(frame.get("type").asString());
	}

	private static long subscribers() {
		return onRedis((commands) -> commands.pubsubNumsub(RedisRoomFanout.CHANNEL).get(RedisRoomFanout.CHANNEL));
	}

	private static void expire(String... keys) {
		onRedis((commands) -> commands.del(keys));
	}

	private static <T> T onRedis(Function<RedisCommands<String, String>, T> call) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return call.apply(connection.sync());
		}
		finally {
			client.shutdown(0, 1, TimeUnit.SECONDS);
		}
	}

}
