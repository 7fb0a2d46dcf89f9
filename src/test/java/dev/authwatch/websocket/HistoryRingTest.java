package dev.authwatch.websocket;

import java.time.Duration;

import dev.authwatch.websocket.RoomFanout.History;
import dev.authwatch.websocket.RoomFanout.Kept;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRingTest {

	private final HistoryRing ring = new HistoryRing(3, Duration.ofMinutes(10));

	@Test
	void keepsTheLastMessagesUpToItsSize() {
		for (long offset = 1; offset <= 5; offset++) {
			this.ring.add(offset, "m" + offset, 0);
		}

		History history = this.ring.after(1, 5, 1, 0);

		assertThat(history.after()).extracting(Kept::offset).containsExactly(3L, 4L, 5L);
		assertThat(history.kept()).isEqualTo(3);
		assertThat(history.covers(1)).isFalse();
		assertThat(history.covers(2)).isTrue();
		assertThat(this.ring.after(4, 5, 1, 0).after()).extracting(Kept::frame).containsExactly("m5");
	}

	@Test
	void forgetsMessagesOlderThanItsMaximumAge() {
		this.ring.add(1, "old", 0);
		this.ring.add(2, "new", Duration.ofMinutes(9).toMillis());

		History history = this.ring.after(0, 2, 1, Duration.ofMinutes(10).toMillis() + 1);

		assertThat(history.after()).extracting(Kept::offset).containsExactly(2L);
		assertThat(history.covers(0)).isFalse();
		assertThat(history.covers(1)).isTrue();
		assertThat(this.ring.after(0, 2, 1, Duration.ofMinutes(20).toMillis()).covers(1)).isFalse();
	}

	@Test
	void anOffsetFromBeforeTheRoomsFirstIsNotCoveredUnlessItIsZeroAndEverythingIsKept() {
		this.ring.add(1_000, "m1000", 0);
		this.ring.add(1_001, "m1001", 0);

		History history = this.ring.after(3, 1_001, 1_000, 0);

		assertThat(history.after()).extracting(Kept::offset).containsExactly(1_000L, 1_001L);
		assertThat(history.covers(3)).as("what followed 3 before the room started again is unknown").isFalse();
		assertThat(history.covers(0)).isTrue();
		assertThat(history.covers(999)).as("just before the room's first").isTrue();
		assertThat(history.covers(1_000)).isTrue();
		assertThat(history.countBetween(3, 1_001)).as("messages after 3, up to 1001").isEqualTo(2);
		assertThat(history.countBetween(1_000, 1_001)).isEqualTo(1);
	}

	@Test
	void anEmptyHistoryCoversOnlyTheLatestOffset() {
		History history = this.ring.after(0, 0, 1, 0);

		assertThat(history.covers(0)).isTrue();
		assertThat(this.ring.after(0, 7, 1, 0).covers(7)).isTrue();
		assertThat(this.ring.after(0, 7, 1, 0).covers(6)).isFalse();
	}

}
