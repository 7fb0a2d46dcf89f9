package dev.authwatch.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/** What a room here remembers of its offsets, for the Redis fan-out's catch-up. */
class ChatRoomsTest {

	private final ChatRooms rooms = new ChatRooms();

	private final List<Long> received = new ArrayList<>();

	@Test
	void aRoomKnowsItsLastOffsetWhileItHasMembersHere() {
		assertThat(this.rooms.owedAfter("lobby")).isEqualTo(-1);
		ChatConnection member = member();
		assertThat(this.rooms.join("lobby", member)).as("nothing known of the room's offsets yet").isTrue();
		assertThat(this.rooms.owedAfter("lobby")).isEqualTo(-1);
		this.rooms.joinedAfter("lobby", 0);
		assertThat(this.rooms.owedAfter("lobby")).as("a room with no message yet").isZero();
		ChatConnection second = member();
		assertThat(this.rooms.join("lobby", second)).as("known already").isFalse();
		this.rooms.leave("lobby", second);

		deliver(1, 2);
		assertThat(this.rooms.owedAfter("lobby")).isEqualTo(2);

		this.rooms.leave("lobby", member);
		assertThat(this.rooms.owedAfter("lobby")).as("forgotten with its last member").isEqualTo(-1);
		assertThat(this.rooms.names()).isEmpty();
	}

	@Test
	void whatACatchUpSentIsNotSentAgainWhenItArrivesLive() {
		this.rooms.join("lobby", member());
		deliver(1, 2);
		deliver(3, 4, 5);

		deliver(3, 4, 5, 6);

		assertThat(this.received).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(this.rooms.owedAfter("lobby")).isEqualTo(6);
	}

	@Test
	void theOffsetReadAtTheFirstJoinOnlySaysWhereACatchUpStarts() {
		this.rooms.join("lobby", member());
		this.rooms.joinedAfter("lobby", 5);
		this.rooms.joinedAfter("lobby", 9);
		assertThat(this.rooms.owedAfter("lobby")).as("the first reading stands").isEqualTo(5);

		deliver(5, 6);

		assertThat(this.received).as("a message published before it was read still reaches them")
			.containsExactly(5L, 6L);
		assertThat(this.rooms.owedAfter("lobby")).isEqualTo(6);
	}

	private void deliver(long... offsets) {
		for (long offset : offsets) {
			this.rooms.deliver("lobby", offset, new TextMessage("{\"type\":\"message\",\"offset\":" + offset + "}"));
		}
	}

	private ChatConnection member() {
		ChatConnection connection = mock(ChatConnection.class);
		Set<String> joined = ConcurrentHashMap.newKeySet();
		given(connection.rooms()).willReturn(joined);
		willAnswer((invocation) -> this.received
			.add(RoomFanout.offsetOf(invocation.<TextMessage>getArgument(0).getPayload()))).given(connection)
			.send(any());
		return connection;
	}

}
