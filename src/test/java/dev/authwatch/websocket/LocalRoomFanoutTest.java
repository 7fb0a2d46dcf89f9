package dev.authwatch.websocket;

import java.time.Duration;
import java.time.Instant;

import dev.authwatch.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory store numbers a room from the time in microseconds, so that a room created
 * again (idle past a day, members still connected) goes on above its last offset.
 */
class LocalRoomFanoutTest {

	private static final Instant NOW = Instant.parse("2026-11-30T04:00:00.123456Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final DeliveryProperties properties = new DeliveryProperties(Duration.ofMinutes(2), 100,
			Duration.ofMinutes(10));

	@Test
	void aRoomStartsAtTheTimeInMicrosecondsAndNumbersOnByOne() {
		LocalRoomFanout fanout = new LocalRoomFanout(new ChatRooms(), this.properties, this.clock);

		long first = fanout.publish("lobby", "alice", null, "{\"text\":\"one\"}").offset();
		long second = fanout.publish("lobby", "alice", null, "{\"text\":\"two\"}").offset();

		assertThat(first).isEqualTo(1_796_011_200_123_456L);
		assertThat(second).isEqualTo(first + 1);
		assertThat(fanout.history("lobby", 0).first()).isEqualTo(first);
		assertThat(fanout.history("lobby", 0).covers(0)).isTrue();
	}

	@Test
	void aRoomCreatedAgainLaterNumbersAboveItsLastOffset() {
		LocalRoomFanout before = new LocalRoomFanout(new ChatRooms(), this.properties, this.clock);
		long last = 0;
		for (int i = 0; i < 1_000; i++) {
			last = before.publish("lobby", "alice", null, "{\"text\":\"m\"}").offset();
		}

		this.clock.advance(Duration.ofSeconds(1));
		LocalRoomFanout again = new LocalRoomFanout(new ChatRooms(), this.properties, this.clock);

		assertThat(again.publish("lobby", "alice", null, "{\"text\":\"m\"}").offset()).isGreaterThan(last);
	}

}
