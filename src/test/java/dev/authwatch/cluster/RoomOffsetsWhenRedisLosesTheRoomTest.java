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
 * Redis loses a room's offset under members that stay connected: it restarted empty, or
 * the room was idle past its offset's expiry. Offsets still only increase (SPEC §11), so
 * neither the instances nor a client (which takes an offset at or below its last for a
 * repeat) drop the new messages, and a join with an offset from before is told its
 * recovery is incomplete instead of being answered from the wrong messages.
 */
class RoomOffsetsWhenRedisLosesTheRoomTest {

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
	void afterRedisRestartedEmptyTheRoomsOffsetsGoOnIncreasing() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			long last = sendThree(alice, bob);

			redis.stop();
			redis.restart();
			await().atMost(Duration.ofSeconds(15)).until(() -> subscribers() == 2);
			await().atMost(Duration.ofSeconds(15)).until(() -> send(alice, "after"));

			assertNextAbove(bob, last);
			assertRejoinFromBeforeIsIncomplete(last);
		}
	}

	@Test
	void afterTheRoomsKeysExpiredItsOffsetsGoOnIncreasing() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			long last = sendThree(alice, bob);

			expire(RedisRoomFanout.offsetKey(this.room), RedisRoomFanout.firstOffsetKey(this.room),
					RedisRoomFanout.historyKey(this.room));
			assertThat(send(alice, "after")).isTrue();

			assertNextAbove(bob, last);
			assertRejoinFromBeforeIsIncomplete(last);
		}
	}

	private ChatClient member(RunningApp instance, String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(instance.port(), TestTokens.valid(user, "user"));
		client.welcomeThenJoin(this.room);
		return client;
	}

	/**
	 * @return the last offset
	 */
	private long sendThree(ChatClient alice, ChatClient bob) throws InterruptedException {
		long first = 0;
		for (int i = 0; i < 3; i++) {
			assertThat(send(alice, "before-" + i)).isTrue();
			long offset = bob.next("message").get("offset").asLong();
			if (i == 0) {
				first = offset;
			}
			assertThat(offset).isEqualTo(first + i);
		}
		return first + 2;
	}

	private static void assertNextAbove(ChatClient bob, long last) throws InterruptedException {
		JsonNode after = bob.next("message");
		assertThat(after.get("text").asString()).isEqualTo("after");
		assertThat(after.get("offset").asLong()).isGreaterThan(last);
	}

	/**
	 * What was published after {@code since} and before Redis lost the room is not known:
	 * the join says so, and replays what the room kept since.
	 */
	private void assertRejoinFromBeforeIsIncomplete(long since) throws InterruptedException {
		try (ChatClient carol = ChatClient.withBearerHeader(b.port(), TestTokens.valid("carol", "user"))) {
			carol.next();
			carol.send(Map.of("type", "join", "room", this.room, "since", since));
			JsonNode joined = carol.next("joined");
			assertThat(joined.get("recovered").asBoolean()).isFalse();
			JsonNode replayed = carol.next("message");
			assertThat(replayed.get("text").asString()).isEqualTo("after");
			assertThat(replayed.get("offset").asLong()).isGreaterThan(since);
		}
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
