package dev.authwatch.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.DeliveryProperties;
import dev.authwatch.websocket.RoomFanout.History;
import dev.authwatch.websocket.RoomFanout.Kept;
import dev.authwatch.websocket.RoomFanout.Published;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one script per message and the one per recovering join, on a real Redis. */
class RedisRoomFanoutTest {

	private final LettuceConnectionFactory connections = RedisTestServer.connectionFactory();

	private final StringRedisTemplate redis = new StringRedisTemplate(this.connections);

	private final String room = "r" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close() {
		this.connections.destroy();
	}

	private RedisRoomFanout fanout(int historySize, Duration historyMaxAge) {
		return new RedisRoomFanout(this.redis, new ChatRooms(),
				new DeliveryProperties(Duration.ofMinutes(2), historySize, historyMaxAge),
				new DeliveryMetrics(new SimpleMeterRegistry()));
	}

	@Test
	void aRoomStartsAtRedisTimeInMicrosecondsAndNumbersOnByOne() {
		RedisRoomFanout fanout = fanout(3, Duration.ofMinutes(10));
		long first = fanout.publish(this.room, "alice", null, "{\"text\":\"m1\"}").offset();
		for (int i = 2; i <= 5; i++) {
			fanout.publish(this.room, "alice", null, "{\"text\":\"m" + i + "\"}");
		}

		History history = fanout.history(this.room, first);

		long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
		assertThat(first).isBetween(nowMicros - 60_000_000, nowMicros);
		assertThat(history.first()).isEqualTo(first);
		assertThat(history.latest()).isEqualTo(first + 4);
		assertThat(history.kept()).isEqualTo(3);
		assertThat(history.covers(first)).isFalse();
		assertThat(history.after()).extracting(Kept::offset).containsExactly(first + 2, first + 3, first + 4);
		assertThat(history.after()).extracting(Kept::frame)
			.first()
			.as("every digit of the offset, not Lua's 14")
			.isEqualTo("{\"text\":\"m3\",\"offset\":" + (first + 2) + "}");
	}

	@Test
	void historyForgetsMessagesOlderThanItsMaximumAge() {
		RedisRoomFanout fanout = fanout(100, Duration.ofSeconds(1));
		long offset = fanout.publish(this.room, "alice", null, "{\"text\":\"soon gone\"}").offset();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			History history = fanout.history(this.room, 0);
			assertThat(history.latest()).isEqualTo(offset);
			assertThat(history.after()).isEmpty();
			assertThat(history.covers(0)).isFalse();
		});
	}

	@Test
	void aResentIdKeepsItsOffsetAndTheKeysNameNeitherTheUserNorTheId() {
		RedisRoomFanout fanout = fanout(100, Duration.ofMinutes(10));

		Published first = fanout.publish(this.room, "alice@example.com", "secret-id", "{\"text\":\"hi\"}");
		Published again = fanout.publish(this.room, "alice@example.com", "secret-id", "{\"text\":\"hi\"}");
		Published bobs = fanout.publish(this.room, "bob", "secret-id", "{\"text\":\"hi\"}");

		assertThat(again).isEqualTo(new Published(first.offset(), true));
		assertThat(bobs).isEqualTo(new Published(first.offset() + 1, false));
		assertThat(fanout.history(this.room, 0).kept()).isEqualTo(2);
		Set<String> keys = this.redis.keys(RedisRoomFanout.ROOM + this.room + ":*");
		assertThat(keys).hasSize(5).noneMatch((key) -> key.contains("alice") || key.contains("secret-id"));
		assertThat(this.redis.getExpire(RedisRoomFanout.sentKey(this.room, "alice@example.com", "secret-id")))
			.isBetween(100L, 120L);
	}

}
