package dev.authwatch.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

class FanoutLanesTest {

	private static final int MESSAGES = 2_000;

	private final FanoutLanes lanes = new FanoutLanes(3);

	private final ChatRooms rooms = new ChatRooms(this.lanes);

	@AfterEach
	void stop() {
		this.lanes.close();
	}

	@Test
	void everyMemberGetsEveryMessageOnceInOffsetOrderWhileMembersLeave() {
		List<List<Long>> received = new ArrayList<>();
		List<ChatConnection> members = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			List<Long> offsets = Collections.synchronizedList(new ArrayList<>());
			received.add(offsets);
			ChatConnection connection = mock(ChatConnection.class);
			Set<String> joined = ConcurrentHashMap.newKeySet();
			given(connection.rooms()).willReturn(joined);
			willAnswer((invocation) -> offsets
				.add(RoomFanout.offsetOf(invocation.<TextMessage>getArgument(0).getPayload()))).given(connection)
				.send(any());
			this.rooms.join("big", connection);
			members.add(connection);
		}
		for (long offset = 1; offset <= MESSAGES; offset++) {
			this.rooms.deliver("big", offset, new TextMessage("{\"type\":\"message\",\"offset\":" + offset + "}"));
			if (offset == MESSAGES / 2) {
				// Half leave midway: the room shrinks, and the others' order must not
				// change.
				members.subList(150, 300).forEach((member) -> this.rooms.leave("big", member));
			}
		}

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(received.subList(0, 150)).allSatisfy((offsets) -> assertThat(offsets).hasSize(MESSAGES));
			assertThat(received.subList(150, 300)).allSatisfy((offsets) -> assertThat(offsets).hasSize(MESSAGES / 2));
		});
		List<Long> all = new ArrayList<>();
		for (long offset = 1; offset <= MESSAGES; offset++) {
			all.add(offset);
		}
		assertThat(received.subList(0, 150))
			.allSatisfy((offsets) -> assertThat(offsets).containsExactlyElementsOf(all));
		assertThat(received.subList(150, 300))
			.allSatisfy((offsets) -> assertThat(offsets).containsExactlyElementsOf(all.subList(0, MESSAGES / 2)));
	}

}
