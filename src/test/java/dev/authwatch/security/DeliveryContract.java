package dev.authwatch.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery a client can count on (SPEC §11), attacked from a real WebSocket client: an
 * ack only for what was stored and published, a resend never broadcast twice, and a join
 * with {@code since} that replays the gap in order, before any live message and none
 * twice, even while senders hammer the room. Bad ids and offsets get clear error frames.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveryContract {

	static final int HISTORY_SIZE = 100;

	RunningApp app;

	abstract Map<String, Object> storeProperties();

	static Map<String, Object> instanceProperties(Map<String, Object> store) {
		Map<String, Object> properties = new HashMap<>(store);
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		// Senders here send as fast as they can; the per-connection budget is tested
		// elsewhere.
		properties.put("authwatch.websocket.max-messages-per-second", "5000");
		properties.put("authwatch.rate-limit.enabled", "false");
		return properties;
	}

	@BeforeAll
	void start() {
		this.app = RunningApp.start(instanceProperties(storeProperties()));
	}

	@AfterAll
	void stop() {
		this.app.close();
	}

	@Test
	void messageWithAnIdIsAcknowledgedWithTheOffsetItIsBroadcastWith() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room); ChatClient bob = member(this.app, "bob", room)) {
			alice.send(message(room, "m-1", "hello"));

			Map<String, JsonNode> seenByAlice = byType(alice, 2);
			JsonNode ack = seenByAlice.get("ack");
			assertThat(ack).as("ack among %s", seenByAlice).isNotNull();
			assertThat(ack.get("id").asString()).isEqualTo("m-1");
			assertThat(ack.get("room").asString()).isEqualTo(room);
			long offset = ack.get("offset").asLong();
			assertThat(offset).isPositive();
			JsonNode broadcast = bob.next();
			assertThat(broadcast.get("type").asString()).isEqualTo("message");
			assertThat(broadcast.get("id").asString()).isEqualTo("m-1");
			assertThat(broadcast.get("offset").asLong()).isEqualTo(offset);
			assertThat(seenByAlice.get("message").get("offset").asLong()).isEqualTo(offset);
		}
	}

	@Test
	void resentIdIsAcknowledgedAgainWithTheSameOffsetAndNotBroadcastTwice() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room); ChatClient bob = member(this.app, "bob", room)) {
			long offset = sendAndAwaitAck(alice, room, "resent", "once");
			assertThat(bob.next().get("offset").asLong()).isEqualTo(offset);

			alice.send(message(room, "resent", "once"));
			JsonNode again = alice.next();

			assertThat(again.get("type").asString()).isEqualTo("ack");
			assertThat(again.get("id").asString()).isEqualTo("resent");
			assertThat(again.get("offset").asLong()).isEqualTo(offset);
			long next = sendAndAwaitAck(alice, room, "after", "next");
			assertThat(next).as("the resend took no offset").isEqualTo(offset + 1);
			JsonNode afterResend = bob.next();
			assertThat(afterResend.get("id").asString()).as("bob's next message is the new one, not the resend")
				.isEqualTo("after");
		}
	}

	@Test
	void resentIdFromANewConnectionOfTheSameUserIsNotBroadcastTwice() throws Exception {
		String room = room();
		try (ChatClient bob = member(this.app, "bob", room)) {
			long offset;
			try (ChatClient alice = member(this.app, "alice", room)) {
				offset = sendAndAwaitAck(alice, room, "across-connections", "hi");
			}
			try (ChatClient alice = member(this.app, "alice", room)) {
				alice.send(message(room, "across-connections", "hi"));
				assertThat(alice.next().get("offset").asLong()).isEqualTo(offset);
			}
			assertThat(bob.next().get("offset").asLong()).isEqualTo(offset);
			assertThat(bob.nextWithin(Duration.ofMillis(300))).as("nothing broadcast twice").isNull();
		}
	}

	@Test
	void theSameIdFromAnotherUserIsAnotherMessage() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room); ChatClient bob = member(this.app, "bob", room)) {
			long fromAlice = sendAndAwaitAck(alice, room, "same-id", "alice's");
			assertThat(bob.next().get("offset").asLong()).isEqualTo(fromAlice);
			long fromBob = sendAndAwaitAck(bob, room, "same-id", "bob's");

			assertThat(fromBob).isEqualTo(fromAlice + 1);
		}
	}

	@Test
	void idLongerThan64CharactersIsRefusedAndNotBroadcast() throws Exception {
		String room = room();
		String id = "x".repeat(65);
		try (ChatClient alice = member(this.app, "alice", room); ChatClient bob = member(this.app, "bob", room)) {
			alice.send(message(room, id, "too long an id"));

			JsonNode error = alice.next();
			assertThat(error.get("type").asString()).isEqualTo("error");
			assertThat(error.get("error").asString()).isEqualTo("invalid_id");
			assertThat(error.get("id").asString()).isEqualTo(id);
			assertThat(error.get("message").asString()).contains("64");
			assertThat(bob.nextWithin(Duration.ofMillis(300))).isNull();
			sendAndAwaitAck(alice, room, "x".repeat(64), "an id of 64 is fine");
		}
	}

	@Test
	void joinWithSinceReplaysTheGapInOrderBeforeLiveMessages() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room)) {
			long first = sendAndAwaitAck(alice, room, "g-1", "one");
			sendAndAwaitAck(alice, room, "g-2", "two");
			sendAndAwaitAck(alice, room, "g-3", "three");
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", first));
				JsonNode joined = bob.next();
				assertThat(joined.get("type").asString()).isEqualTo("joined");
				assertThat(joined.get("room").asString()).isEqualTo(room);
				assertThat(joined.get("recovered").asBoolean()).isTrue();

				JsonNode two = bob.next();
				assertThat(two.get("type").asString()).isEqualTo("message");
				assertThat(two.get("id").asString()).isEqualTo("g-2");
				assertThat(two.get("text").asString()).isEqualTo("two");
				assertThat(two.get("from").asString()).isEqualTo("alice");
				assertThat(two.get("offset").asLong()).isEqualTo(first + 1);
				assertThat(bob.next().get("offset").asLong()).isEqualTo(first + 2);
				sendAndAwaitAck(alice, room, "g-4", "live");
				assertThat(bob.next().get("offset").asLong()).isEqualTo(first + 3);
				assertThat(bob.nextWithin(Duration.ofMillis(300))).isNull();
			}
		}
	}

	@Test
	void joinWithSinceOlderThanTheHistoryReplaysWhatIsKeptAndSaysNotRecovered() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room)) {
			long first = sendAndAwaitAck(alice, room, "h-0", "0");
			long last = first;
			for (int i = 1; i <= HISTORY_SIZE + 4; i++) {
				last = sendAndAwaitAck(alice, room, "h-" + i, Integer.toString(i));
			}
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", first));

				JsonNode joined = bob.next();
				assertThat(joined.get("type").asString()).isEqualTo("joined");
				assertThat(joined.get("recovered").asBoolean()).isFalse();
				List<Long> replayed = new ArrayList<>();
				for (int i = 0; i < HISTORY_SIZE; i++) {
					replayed.add(bob.next().get("offset").asLong());
				}
				assertThat(replayed)
					.containsExactlyElementsOf(LongStream.rangeClosed(last - HISTORY_SIZE + 1, last).boxed().toList());
				assertThat(bob.nextWithin(Duration.ofMillis(300))).isNull();
			}
		}
	}

	/**
	 * 60 frames of over 7,000 characters, more than the 256 KB a connection may have
	 * queued: replayed at once, they closed the joiner as a slow consumer at each rejoin.
	 */
	@Test
	void aGapLargerThanTheConnectionMayQueueReplaysItsNewestAndSaysNotRecovered() throws Exception {
		String room = room();
		String text = "r".repeat(7000);
		try (ChatClient alice = member(this.app, "alice", room)) {
			long first = sendAndAwaitAck(alice, room, "big-0", text);
			long last = first;
			for (int i = 1; i < 60; i++) {
				last = sendAndAwaitAck(alice, room, "big-" + i, text);
			}
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", first - 1));

				JsonNode joined = bob.next();
				assertThat(joined.get("type").asString()).isEqualTo("joined");
				assertThat(joined.get("recovered").asBoolean()).isFalse();
				List<Long> replayed = new ArrayList<>();
				for (JsonNode frame = bob.nextWithin(Duration.ofMillis(500)); frame != null; frame = bob
					.nextWithin(Duration.ofMillis(500))) {
					replayed.add(frame.get("offset").asLong());
				}
				assertThat(replayed).hasSizeBetween(1, 59);
				assertThat(replayed).containsExactlyElementsOf(
						LongStream.rangeClosed(last - replayed.size() + 1, last).boxed().toList());
				sendAndAwaitAck(alice, room, "big-live", "live");
				assertThat(bob.next().get("offset").asLong()).as("live, still connected").isEqualTo(last + 1);
			}
		}
	}

	@Test
	void joinWithSinceAtTheLatestOffsetIsRecoveredAndReplaysNothing() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room)) {
			long latest = sendAndAwaitAck(alice, room, "l-1", "latest");
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", latest));

				JsonNode joined = bob.next();
				assertThat(joined.get("recovered").asBoolean()).isTrue();
				assertThat(bob.nextWithin(Duration.ofMillis(300))).isNull();
			}
		}
	}

	@Test
	void joinWithoutSinceReplaysNothing() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room)) {
			sendAndAwaitAck(alice, room, "n-1", "before bob");
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room));

				JsonNode joined = bob.next();
				assertThat(joined.get("type").asString()).isEqualTo("joined");
				assertThat(joined.has("recovered")).isFalse();
				assertThat(bob.nextWithin(Duration.ofMillis(300))).isNull();
			}
		}
	}

	@Test
	void sinceInTheFutureIsRefusedAndTheRoomIsNotJoined() throws Exception {
		String room = room();
		try (ChatClient alice = member(this.app, "alice", room)) {
			long latest = sendAndAwaitAck(alice, room, "f-1", "now");
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", latest + 1));

				JsonNode error = bob.next();
				assertThat(error.get("type").asString()).isEqualTo("error");
				assertThat(error.get("error").asString()).isEqualTo("unknown_offset");
				assertThat(error.get("room").asString()).isEqualTo(room);
				assertThat(error.get("message").asString()).contains(Long.toString(latest));
				sendAndAwaitAck(alice, room, "f-2", "not for bob");
				assertThat(bob.nextWithin(Duration.ofMillis(300))).as("bob did not join").isNull();
			}
		}
	}

	@Test
	void sinceInARoomThatNeverHadAMessageIsRefused() throws Exception {
		try (ChatClient bob = connect(this.app, "bob")) {
			bob.send(Map.of("type", "join", "room", room(), "since", 7));

			assertThat(bob.next().get("error").asString()).isEqualTo("unknown_offset");
		}
	}

	@Test
	void sinceThatIsNotAnOffsetIsRefused() throws Exception {
		try (ChatClient bob = connect(this.app, "bob")) {
			for (Object since : List.of(-1, "3", 1.5, "x", Map.of(), List.of(1), "99999999999999999999999")) {
				Map<String, Object> join = new LinkedHashMap<>(Map.of("type", "join", "room", room()));
				join.put("since", since);
				bob.send(join);

				JsonNode error = bob.next();
				assertThat(error.get("error").asString()).as("since %s", since).isEqualTo("invalid_since");
				assertThat(error.get("message").asString()).isNotBlank();
			}
			bob.send("{\"type\":\"join\",\"room\":\"" + room() + "\",\"since\":99999999999999999999999}");
			assertThat(bob.next().get("error").asString()).isEqualTo("invalid_since");
		}
	}

	@Test
	void joinWithSinceWhileSendersHammerTheRoomMissesNothingAndRepeatsNothing() throws Exception {
		String room = room();
		int senders = 3;
		int perSender = 60;
		int joiners = 6;
		List<ChatClient> clients = new ArrayList<>();
		try {
			for (int s = 0; s < senders; s++) {
				clients.add(member(this.app, "sender" + s, room));
			}
			List<ChatClient> joining = new ArrayList<>();
			for (int j = 0; j < joiners; j++) {
				joining.add(connect(this.app, "joiner" + j));
			}
			clients.addAll(joining);
			long since = sendAndAwaitAck(clients.get(0), room, "start", "start");
			List<Thread> threads = new ArrayList<>();
			ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
			for (int s = 0; s < senders; s++) {
				ChatClient sender = clients.get(s);
				int index = s;
				Thread thread = new Thread(() -> {
					for (int i = 0; i < perSender; i++) {
						if (!sender.trySend(message(room, "s" + index + "-" + i, "x"))) {
							failures.add(new AssertionError("sender " + index + " could not send"));
						}
					}
				});
				threads.add(thread);
				thread.start();
			}
			// Joins spread over the burst: each one races the messages published around
			// its history read.
			for (ChatClient joiner : joining) {
				joiner.send(Map.of("type", "join", "room", room, "since", since));
			}
			for (Thread thread : threads) {
				thread.join();
			}
			assertThat(failures).isEmpty();
			long last = since + (long) senders * perSender;
			for (ChatClient joiner : joining) {
				assertEveryOffsetOnceInOrder(joiner, since, last);
			}
		}
		finally {
			clients.forEach(ChatClient::close);
		}
	}

	private static void assertEveryOffsetOnceInOrder(ChatClient joiner, long since, long last)
			throws InterruptedException {
		JsonNode joined = joiner.next();
		assertThat(joined.get("type").asString()).isEqualTo("joined");
		List<Long> offsets = new ArrayList<>();
		while (offsets.isEmpty() || offsets.get(offsets.size() - 1) < last) {
			JsonNode frame = joiner.nextWithin(Duration.ofSeconds(10));
			assertThat(frame).as("frames after %s", offsets).isNotNull();
			assertThat(frame.get("type").asString()).isEqualTo("message");
			offsets.add(frame.get("offset").asLong());
		}
		long first = joined.get("recovered").asBoolean() ? since + 1 : offsets.get(0);
		assertThat(first).isGreaterThan(since);
		assertThat(offsets).as("every offset after since once, in order")
			.containsExactlyElementsOf(LongStream.rangeClosed(first, last).boxed().toList());
		assertThat(joiner.nextWithin(Duration.ofMillis(100))).isNull();
	}

	@Test
	void acksDuplicatesAndRecoveriesAreCounted() throws Exception {
		String room = room();
		double acks = metric("auth_ws_acks_total");
		double duplicates = metric("auth_ws_duplicates_total");
		double recovered = metric("auth_ws_recoveries_total{recovered=\"true\"}");
		double histories = metric("auth_ws_history_messages_count");
		try (ChatClient alice = member(this.app, "alice", room)) {
			long offset = sendAndAwaitAck(alice, room, "counted", "once");
			alice.send(message(room, "counted", "once"));
			assertThat(alice.next().get("type").asString()).isEqualTo("ack");
			try (ChatClient bob = connect(this.app, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", offset - 1));
				assertThat(bob.next().get("recovered").asBoolean()).isTrue();
				assertThat(bob.next().get("offset").asLong()).isEqualTo(offset);
			}
		}

		assertThat(metric("auth_ws_acks_total")).isEqualTo(acks + 2);
		assertThat(metric("auth_ws_duplicates_total")).isEqualTo(duplicates + 1);
		assertThat(metric("auth_ws_recoveries_total{recovered=\"true\"}")).isEqualTo(recovered + 1);
		assertThat(metric("auth_ws_recoveries_total{recovered=\"false\"}")).isNotNegative();
		assertThat(metric("auth_ws_history_messages_count")).isEqualTo(histories + 1);
	}

	private double metric(String series) throws Exception {
		return AuthApi.metricValue(this.app.port(), series);
	}

	static String room() {
		return "r" + UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> message(String room, String id, String text) {
		return Map.of("type", "message", "room", room, "id", id, "text", text);
	}

	static ChatClient connect(RunningApp app, String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(app.port(), TestTokens.valid(user, "user"));
		assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		return client;
	}

	static ChatClient member(RunningApp app, String user, String room) throws InterruptedException {
		ChatClient client = connect(app, user);
		client.send(Map.of("type", "join", "room", room));
		assertThat(client.next().get("type").asString()).isEqualTo("joined");
		return client;
	}

	/**
	 * Sends a message the sender is a member of the room for: its ack and its own
	 * broadcast, in either order.
	 */
	static long sendAndAwaitAck(ChatClient sender, String room, String id, String text) throws InterruptedException {
		sender.send(message(room, id, text));
		Map<String, JsonNode> frames = byType(sender, 2);
		JsonNode ack = frames.get("ack");
		assertThat(ack).as("an ack for %s among %s", id, frames).isNotNull();
		assertThat(ack.get("id").asString()).isEqualTo(id);
		assertThat(frames.get("message").get("offset").asLong()).isEqualTo(ack.get("offset").asLong());
		return ack.get("offset").asLong();
	}

	private static Map<String, JsonNode> byType(ChatClient client, int count) throws InterruptedException {
		Map<String, JsonNode> frames = new HashMap<>();
		for (int i = 0; i < count; i++) {
			JsonNode frame = client.next();
			frames.put(frame.get("type").asString(), frame);
		}
		return frames;
	}

}
