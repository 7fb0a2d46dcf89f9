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
		assertThat(this.rooms.delivered("lobby")).isEqualTo(-1);
		ChatConnection member = member();
		this.rooms.join("lobby", member);
		assertThat(this.rooms.delivered("lobby")).isZero();

		deliver(1, 2);
		assertThat(this.rooms.delivered("lobby")).isEqualTo(2);

		this.rooms.leave("lobby", member);
		assertThat(this.rooms.delivered("lobby")).as("forgotten with its last member").isEqualTo(-1);
		assertThat(this.rooms.names()).isEmpty();
	}

	@Test
	void whatACatchUpSentIsNotSentAgainWhenItArrivesLive() {
		this.rooms.join("lobby", member());
		deliver(1, 2);
		deliver(3, 4, 5);

		deliver(3, 4, 5, 6);

		assertThat(this.received).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(this.rooms.delivered("lobby")).isEqualTo(6);
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
