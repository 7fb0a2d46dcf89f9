package dev.authwatch.websocket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.authwatch.events.AuthEvent;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.SilentWebSocket;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.TextMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * What happens to a connection after its handshake: expiry, reauth, heartbeat, limits,
 * revocation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "authwatch.jwt.clock-skew=0s",
				"authwatch.websocket.heartbeat-interval=1s", "authwatch.websocket.max-messages-per-second=10" })
class ConnectionLifecycleTest {

	@LocalServerPort
	int port;

	@Autowired
	ConnectionRegistry registry;

	@Autowired
	AuthEventLog events;

	@Test
	void connectionIsClosedWith4001WhenItsTokenExpires() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port,
				TestTokens.withTtl("alice", Duration.ofSeconds(2)))) {
			client.next();
			long start = System.nanoTime();

			assertThat(client.awaitClose()).isEqualTo(4001);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		}
	}

	@Test
	void droppingAReaderThatStoppedReadingDoesNotWaitForIt() throws Exception {
		try (SilentWebSocket stalled = SilentWebSocket.connect(this.port, TestTokens.valid("stopped-reading"), 4096)) {
			ChatConnection connection = connectionOf("stopped-reading");
			TextMessage frame = new TextMessage("x".repeat(4000));
			long lastSendNanos = 0;
			while (connection.serverCloseReason() == null) {
				// Slower than the socket takes them: its buffers fill first, and a
				// write is stuck when the queue overflows, as with a reader that
				// stopped.
				Thread.sleep(1);
				long start = System.nanoTime();
				connection.send(frame);
				lastSendNanos = System.nanoTime() - start;
			}

			assertThat(connection.serverCloseReason()).isEqualTo(DisconnectReason.POLICY);
			assertThat(Duration.ofNanos(lastSendNanos))
				.as("the send that dropped it, on the sender's thread (Tomcat's own wait for the close frame "
						+ "of a close other than 1000 is 50 ms)")
				.isLessThan(Duration.ofMillis(50));
		}
	}

	@Test
	void aClientGoneWhileAFrameIsWrittenToItClosedTheConnectionItself() throws Exception {
		double policyBefore = AuthApi.metricValue(this.port, "auth_ws_disconnects_total{reason=\"policy\"}");
		double clientBefore = AuthApi.metricValue(this.port, "auth_ws_disconnects_total{reason=\"client_close\"}");
		try (SilentWebSocket crashing = SilentWebSocket.connect(this.port, TestTokens.valid("crashing"), 4096)) {
			ChatConnection connection = connectionOf("crashing");
			TextMessage frame = new TextMessage("x".repeat(4000));
			long room = connection.sendRoom();
			// Until frames wait behind a write the socket does not take.
			while (connection.sendRoom() > room - 3 * 4000) {
				Thread.sleep(1);
				connection.send(frame);
			}
			crashing.reset();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.get(connection.id()) == null);
		}

		assertThat(AuthApi.metricValue(this.port, "auth_ws_disconnects_total{reason=\"client_close\"}"))
			.isEqualTo(clientBefore + 1);
		assertThat(AuthApi.metricValue(this.port, "auth_ws_disconnects_total{reason=\"policy\"}"))
			.isEqualTo(policyBefore);
	}

	@Test
	void reauthenticationBeforeExpiryKeepsTheConnectionOpen() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port,
				TestTokens.withTtl("alice", Duration.ofSeconds(2)))) {
			client.next();
			client.send(Map.of("type", "reauth", "token", TestTokens.withTtl("alice", Duration.ofMinutes(5))));

			JsonNode answer = client.next();
			assertThat(answer.get("type").asString()).isEqualTo("reauthenticated");
			assertThat(client.nextWithin(Duration.ofSeconds(3))).as("no close, no frame past the old expiry").isNull();
			client.send(Map.of("type", "join", "room", "still-here"));
			assertThat(client.next().get("type").asString()).isEqualTo("joined");
		}
	}

	@Test
	void reauthenticationAsAnotherUserClosesTheConnection() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			client.next();
			client.send(Map.of("type", "reauth", "token", TestTokens.valid("mallory")));

			assertThat(client.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void invalidReauthenticationIsRefusedWithItsReason() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			client.next();
			client.send(Map.of("type", "reauth", "token", "not.a.jwt"));

			JsonNode error = client.next();
			assertThat(error.get("error").asString()).isEqualTo("reauth_failed");
			assertThat(error.get("reason").asString()).isEqualTo("malformed");
		}
	}

	@Test
	void clientThatNeverAnswersPingsIsClosedAfterTwoIntervals() throws Exception {
		try (SilentWebSocket silent = SilentWebSocket.connect(this.port, TestTokens.valid("ghost"))) {
			long start = System.nanoTime();

			SilentWebSocket.Frames frames = silent.readUntilClose();

			assertThat(frames.closeCode()).isEqualTo(4500);
			assertThat(frames.pings()).isEqualTo(2);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500),
					Duration.ofSeconds(4));
		}
	}

	@Test
	void clientAnsweringPingsStaysAndRoundTripsAreMeasured() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			client.next();

			assertThat(client.nextWithin(Duration.ofMillis(3500))).isNull();
			client.send(Map.of("type", "join", "room", "alive"));
			assertThat(client.next().get("type").asString()).isEqualTo("joined");
		}
		String metrics = HttpCalls.get(this.port, "/metrics").body();
		assertThat(HandshakeAuthenticationTest.counter(metrics, "auth_ws_heartbeat_rtt_seconds_count"))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void pingingAConnectionThatClosedMeanwhileNeitherThrowsNorCountsAsTheServers() throws Exception {
		ChatConnection connection;
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("closes-mid-tick"))) {
			client.next();
			// The welcome is written before the connection is registered.
			connection = await().atMost(Duration.ofSeconds(5))
				.until(() -> this.registry.connections()
					.stream()
					.filter((candidate) -> candidate.principal().userId().equals("closes-mid-tick"))
					.findFirst(), Optional::isPresent)
				.orElseThrow();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.get(connection.id()) == null);

		// The heartbeat's tick works from a snapshot, so it can still reach this one; an
		// exception here ended the tick and the other connections went unpinged.
		assertThatCode(() -> connection.ping(ByteBuffer.allocate(Long.BYTES))).doesNotThrowAnyException();
		assertThat(connection.pinging()).isFalse();
	}

	@Test
	void oversizedFrameGetsAnErrorAndClosesWith1008() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			client.next();
			client.send(Map.of("type", "message", "room", "lobby", "text", "x".repeat(9000)));

			assertThat(client.next().get("error").asString()).isEqualTo("message_too_large");
			assertThat(client.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void floodingClientIsClosedWith1008() throws Exception {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			client.next();
			// Four times the per-second budget, so refills during a slow send cannot keep
			// it under the limit.
			for (int i = 0; i < 40 && client.trySend(Map.of("type", "leave", "room", "r" + i)); i++) {
				// keep flooding until the server closes
			}

			assertThat(client.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void revokedUserIsDisconnectedWith4003() throws Exception {
		try (ChatClient alice = ChatClient.withBearerHeader(this.port, TestTokens.valid("revoked-alice"));
				ChatClient bob = ChatClient.withBearerHeader(this.port, TestTokens.valid("bob"))) {
			alice.next();
			bob.next();

			assertThat(this.registry.revokeUser("revoked-alice")).isEqualTo(1);

			assertThat(alice.awaitClose()).isEqualTo(4003);
			String aliceRef = this.events.userRef("revoked-alice");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.events.recent(50)).anySatisfy((event) -> {
					assertThat(event.type()).isEqualTo(AuthEvent.Type.REVOKED);
					assertThat(event.reason()).isEqualTo("revoked");
					assertThat(event.userRef()).isEqualTo(aliceRef);
				}));
			bob.send(Map.of("type", "join", "room", "unaffected"));
			assertThat(bob.next().get("type").asString()).isEqualTo("joined");
		}
	}

	private ChatConnection connectionOf(String user) {
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> this.registry.connections()
				.stream()
				.filter((candidate) -> user.equals(candidate.principal().userId()))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

}
