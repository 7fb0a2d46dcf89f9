package dev.authwatch.websocket;

import java.time.Duration;
import java.util.Map;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class ChatTest {

	@LocalServerPort
	int port;

	@Test
	void twoUsersInOneRoomChatAndAUserInAnotherRoomHearsNothing() throws Exception {
		try (ChatClient alice = connect("alice");
				ChatClient bob = connect("bob");
				ChatClient carol = connect("carol")) {
			join(alice, "lobby");
			join(bob, "lobby");
			join(carol, "elsewhere");

			alice.send(Map.of("type", "message", "room", "lobby", "text", "hello bob"));

			for (ChatClient member : new ChatClient[] { alice, bob }) {
				JsonNode message = member.next();
				assertThat(message.get("type").asString()).isEqualTo("message");
				assertThat(message.get("room").asString()).isEqualTo("lobby");
				assertThat(message.get("from").asString()).isEqualTo("alice");
				assertThat(message.get("text").asString()).isEqualTo("hello bob");
			}
			assertThat(carol.nextWithin(Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void afterLeavingARoomNoMoreMessagesArrive() throws Exception {
		try (ChatClient alice = connect("alice"); ChatClient bob = connect("bob")) {
			join(alice, "news");
			join(bob, "news");
			bob.send(Map.of("type", "leave", "room", "news"));
			assertThat(bob.next().get("type").asString()).isEqualTo("left");

			alice.send(Map.of("type", "message", "room", "news", "text", "anyone?"));

			assertThat(alice.next().get("text").asString()).isEqualTo("anyone?");
			assertThat(bob.nextWithin(Duration.ofMillis(500))).isNull();
		}
	}

	@Test
	void invalidJsonGetsAnErrorFrameAndTheConnectionStaysUsable() throws Exception {
		try (ChatClient alice = connect("alice")) {
			alice.send("{not json");

			assertError(alice.next(), "invalid_json");
			join(alice, "still-works");
		}
	}

	@Test
	void unknownTypeGetsAnErrorFrame() throws Exception {
		try (ChatClient alice = connect("alice")) {
			alice.send(Map.of("type", "shout", "room", "lobby"));

			assertError(alice.next(), "unknown_type");
		}
	}

	@Test
	void messageLongerThanTheContainerBufferArrivesWhole() throws Exception {
		String text = "héllo wörld ".repeat(500);
		try (ChatClient alice = connect("alice"); ChatClient bob = connect("bob")) {
			join(alice, "long");
			join(bob, "long");

			alice.send(Map.of("type", "message", "room", "long", "text", text));

			assertThat(bob.next().get("text").asString()).isEqualTo(text);
			alice.send(Map.of("type", "message", "room", "long", "text", "short again"));
			assertThat(alice.next().get("text").asString()).isEqualTo(text);
			assertThat(alice.next().get("text").asString()).isEqualTo("short again");
		}
	}

	@Test
	void oversizedFrameGetsAnErrorFrame() throws Exception {
		try (ChatClient alice = connect("alice")) {
			join(alice, "lobby");
			alice.send(Map.of("type", "message", "room", "lobby", "text", "x".repeat(9000)));

			assertError(alice.next(), "message_too_large");
		}
	}

	@Test
	void sendingToARoomNotJoinedIsRefused() throws Exception {
		try (ChatClient alice = connect("alice")) {
			alice.send(Map.of("type", "message", "room", "private", "text", "let me in"));

			assertError(alice.next(), "not_in_room");
		}
	}

	@Test
	void invalidRoomNameIsRefused() throws Exception {
		try (ChatClient alice = connect("alice")) {
			alice.send(Map.of("type", "join", "room", "../etc/passwd"));

			assertError(alice.next(), "invalid_room");
		}
	}

	private ChatClient connect(String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid(user, "user"));
		assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		return client;
	}

	private static void join(ChatClient client, String room) throws InterruptedException {
		client.send(Map.of("type", "join", "room", room));
		JsonNode ack = client.next();
		assertThat(ack.get("type").asString()).isEqualTo("joined");
		assertThat(ack.get("room").asString()).isEqualTo(room);
	}

	private static void assertError(JsonNode frame, String error) {
		assertThat(frame.get("type").asString()).isEqualTo("error");
		assertThat(frame.get("error").asString()).isEqualTo(error);
		assertThat(frame.get("message").asString()).isNotBlank();
	}

}
