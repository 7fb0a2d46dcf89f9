package dev.authwatch.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room spans the instances on one Redis: every member gets every message once, in one
 * order.
 */
class RoomsAcrossInstancesTest {

	private static final int MESSAGES_PER_SENDER = 50;

	private final String room = "r" + UUID.randomUUID().toString().substring(0, 8);

	private static Map<String, Object> instance() {
		Map<String, Object> properties = new HashMap<>(RunningApp.onRedis());
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		// Senders here send as fast as they can; the per-connection budget is not under
		// test.
		properties.put("authwatch.websocket.max-messages-per-second", "1000");
		return properties;
	}

	@Test
	void concurrentSendersOnTwoInstancesReachEveryMemberOnceInOneOffsetOrder() throws Exception {
		try (RunningApp a = RunningApp.start(instance());
				RunningApp b = RunningApp.start(instance());
				ChatClient alice = member(a.port(), "alice");
				ChatClient bob = member(b.port(), "bob");
				ChatClient carol = member(a.port(), "carol")) {
			Thread fromA = sender(alice, "a");
			Thread fromB = sender(bob, "b");
			fromA.join();
			fromB.join();

			List<JsonNode> seenByAlice = messages(alice);
			List<JsonNode> seenByBob = messages(bob);
			List<JsonNode> seenByCarol = messages(carol);

			long first = seenByAlice.get(0).get("offset").asLong();
			assertThat(seenByAlice).extracting((m) -> m.get("offset").asLong())
				.containsExactlyElementsOf(LongStream.range(first, first + 2L * MESSAGES_PER_SENDER).boxed().toList());
			assertThat(texts(seenByBob)).containsExactlyElementsOf(texts(seenByAlice));
			assertThat(texts(seenByCarol)).containsExactlyElementsOf(texts(seenByAlice));
			assertThat(texts(seenByAlice)).filteredOn((text) -> text.startsWith("a-")).hasSize(MESSAGES_PER_SENDER);
			assertThat(bob.nextWithin(Duration.ofMillis(300))).as("nothing delivered twice").isNull();
		}
	}

	private ChatClient member(int port, String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(port, TestTokens.valid(user, "user"));
		assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		client.send(Map.of("type", "join", "room", this.room));
		assertThat(client.next().get("type").asString()).isEqualTo("joined");
		return client;
	}

	private Thread sender(ChatClient client, String name) {
		Thread thread = new Thread(() -> {
			for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
				client.send(Map.of("type", "message", "room", this.room, "text", name + "-" + i));
			}
		});
		thread.start();
		return thread;
	}

	private static List<JsonNode> messages(ChatClient client) throws InterruptedException {
		List<JsonNode> messages = new ArrayList<>();
		while (messages.size() < 2 * MESSAGES_PER_SENDER) {
			JsonNode frame = client.nextWithin(Duration.ofSeconds(10));
			assertThat(frame).as("message %d of %d", messages.size() + 1, 2 * MESSAGES_PER_SENDER).isNotNull();
			if ("message".equals(frame.get("type").asString())) {
				messages.add(frame);
			}
		}
		return messages;
	}

	private static List<String> texts(List<JsonNode> messages) {
		return messages.stream().map((m) -> m.get("text").asString()).toList();
	}

}
