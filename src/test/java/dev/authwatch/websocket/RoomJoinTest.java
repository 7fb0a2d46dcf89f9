package dev.authwatch.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.websocket.RoomFanout.History;
import dev.authwatch.websocket.RoomFanout.Kept;
import dev.authwatch.websocket.RoomFanout.Published;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.any;
import static org.mockito.Mockito.mock;

/**
 * The seam between a join's history and the room's live frames, with the interleavings a
 * real fan-out produces only now and then, made to happen every time.
 */
class RoomJoinTest {

	private static final String ROOM = "lobby";

	private final ChatRooms rooms = new ChatRooms();

	private final ChatConnection connection = mock(ChatConnection.class);

	private final List<String> sent = new ArrayList<>();

	private final Set<String> joinedRooms = ConcurrentHashMap.newKeySet();

	private Runnable duringRead = () -> {
	};

	private final RoomFanout fanout = new RoomFanout() {

		@Override
		public Published publish(String room, String sender, String id, String message) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long latest(String room) {
			return 3;
		}

		@Override
		public History history(String room, long since) {
			RoomJoinTest.this.duringRead.run();
			return new History(3, 1, 1, 3, List.of(new Kept(2, frame(2)), new Kept(3, frame(3))));
		}

	};

	private final RoomJoin join = new RoomJoin(this.rooms, this.fanout, new ChatReplies(JsonMapper.builder().build()),
			new DeliveryMetrics(new SimpleMeterRegistry()), 32);

	@BeforeEach
	void connection() {
		given(this.connection.rooms()).willReturn(this.joinedRooms);
		given(this.connection.sendRoom()).willReturn(1_000_000L);
		willAnswer((invocation) -> this.sent.add(invocation.<TextMessage>getArgument(0).getPayload()))
			.given(this.connection)
			.send(any());
	}

	@Test
	void messagesArrivingWhileTheHistoryIsReadFollowTheReplayOnce() {
		// 3 was published before the read (so it is in the history) and 4 after it; both
		// reach the member during the read.
		this.duringRead = () -> {
			this.rooms.deliver(ROOM, 3, new TextMessage(frame(3)));
			this.rooms.deliver(ROOM, 4, new TextMessage(frame(4)));
		};

		this.join.join(this.connection, ROOM, JsonNodeFactory.instance.numberNode(1L));

		assertThat(this.sent).containsExactly("{\"type\":\"joined\",\"room\":\"lobby\",\"recovered\":true}", frame(2),
				frame(3), frame(4));
	}

	@Test
	void messagesStillOnTheirWayAfterTheReplayAreNotSentTwice() {
		this.join.join(this.connection, ROOM, JsonNodeFactory.instance.numberNode(1L));
		this.rooms.deliver(ROOM, 3, new TextMessage(frame(3)));
		this.rooms.deliver(ROOM, 4, new TextMessage(frame(4)));

		assertThat(this.sent).containsExactly("{\"type\":\"joined\",\"room\":\"lobby\",\"recovered\":true}", frame(2),
				frame(3), frame(4));
	}

	@Test
	void aGapLargerThanHalfOfWhatTheConnectionMayQueueReplaysItsNewestAndIsNotRecovered() {
		given(this.connection.sendRoom()).willReturn(2L * frame(3).length() + 1);
		this.join.join(this.connection, ROOM, JsonNodeFactory.instance.numberNode(1L));
		this.rooms.deliver(ROOM, 3, new TextMessage(frame(3)));
		this.rooms.deliver(ROOM, 4, new TextMessage(frame(4)));

		assertThat(this.sent).containsExactly("{\"type\":\"joined\",\"room\":\"lobby\",\"recovered\":false}", frame(3),
				frame(4));
	}

	@Test
	void sinceBeyondTheLatestOffsetLeavesTheRoom() {
		this.join.join(this.connection, ROOM, JsonNodeFactory.instance.numberNode(4L));
		this.rooms.deliver(ROOM, 4, new TextMessage(frame(4)));

		assertThat(this.sent).singleElement().asString().contains("\"error\":\"unknown_offset\"");
		assertThat(this.joinedRooms).isEmpty();
	}

	private static String frame(long offset) {
		return RoomFanout.withOffset("{\"type\":\"message\",\"room\":\"lobby\",\"text\":\"m\"}", offset);
	}

}
