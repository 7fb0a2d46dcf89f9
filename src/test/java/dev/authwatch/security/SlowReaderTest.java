package dev.authwatch.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.SilentWebSocket;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member of a room that stops reading must cost the others nothing: the room's fan-out
 * keeps reaching the members who read, promptly, and they stay connected; heartbeats and
 * credential expiry keep running; the reader that stopped is closed as a slow consumer
 * (1013, counted), its buffer bounded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "authwatch.websocket.heartbeat-interval=3s",
				"authwatch.websocket.max-messages-per-second=100000", "authwatch.websocket.send-time-limit=2s",
				"authwatch.jwt.clock-skew=0s", "authwatch.rate-limit.handshake-per-ip=100000" })
class SlowReaderTest {

	private static final int MESSAGES = 2000;

	private static final int BATCH = 20;

	private static final String TEXT = "x".repeat(4000);

	@LocalServerPort
	int port;

	@Test
	void aMemberThatStopsReadingIsClosedAndNeverDelaysTheRoomHeartbeatsOrExpiry() throws Exception {
		double slowBefore = AuthApi.metricValue(this.port, "auth_limits_total{limit=\"slow_consumer\"}");
		double pongsBefore = AuthApi.metricValue(this.port, "auth_ws_heartbeat_rtt_seconds_count");
		SilentWebSocket stalled = SilentWebSocket.connect(this.port, TestTokens.valid("stalled", "user"), 4096);
		stalled.sendText("{\"type\":\"join\",\"room\":\"lobby\"}");
		ChatClient reader = ChatClient.withBearerHeader(this.port, TestTokens.valid("reader", "user"));
		ChatClient sender = ChatClient.withBearerHeader(this.port, TestTokens.valid("sender", "user"));
		ChatClient expiring = ChatClient.withBearerHeader(this.port,
				TestTokens.withTtl("expiring", Duration.ofSeconds(4)));
		reader.welcomeThenJoin("lobby");
		sender.welcomeThenJoin("lobby");

		long start = System.nanoTime();
		long slowestBatchMillis = 0;
		for (int sent = 0; sent < MESSAGES; sent += BATCH) {
			long batchStart = System.nanoTime();
			for (int i = 0; i < BATCH; i++) {
				sender.send(Map.of("type", "message", "room", "lobby", "text", TEXT));
			}
			for (int received = 0; received < BATCH;) {
				JsonNode frame = reader.nextWithin(Duration.ofSeconds(3));
				int message = sent + received + 1;
				assertThat(frame)
					.as(() -> "message " + message + " of " + MESSAGES + " reached the reader within 3 s ("
							+ whyNot(reader, sender) + ")")
					.isNotNull();
				if ("message".equals(frame.path("type").asString())) {
					received++;
				}
			}
			slowestBatchMillis = Math.max(slowestBatchMillis,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - batchStart));
		}
		long fanOutMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

		assertThat(slowestBatchMillis).as("slowest batch of %d to reach the reader", BATCH).isLessThan(2_000);
		assertThat(fanOutMillis).as("time for the room to reach the reader").isLessThan(10_000);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(AuthApi.metricValue(this.port, "auth_limits_total{limit=\"slow_consumer\"}"))
						.isGreaterThan(slowBefore));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(AuthApi.metricValue(this.port, "auth_ws_heartbeat_rtt_seconds_count"))
				.isGreaterThan(pongsBefore + 1));
		assertThat(AuthApi.metricValue(this.port, "auth_limits_total{limit=\"slow_consumer\"}"))
			.as("slow consumers: the member that stopped reading, no other")
			.isEqualTo(slowBefore + 1);
		assertThat(sender.state()).as("the sender, a member that reads").isEqualTo("open");
		assertThat(expiring.awaitClose()).as("credential expiry on time").isEqualTo(4001);
		reader.close();
		sender.close();
		stalled.close();
	}

	/**
	 * The test's TCP connections with their queues, to tell a peer that does not read.
	 */
	private String sockets() {
		try {
			Process ss = new ProcessBuilder("ss", "-tn", "( sport = :" + this.port + " or dport = :" + this.port + " )")
				.redirectErrorStream(true)
				.start();
			String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			ss.waitFor(5, TimeUnit.SECONDS);
			return "\n" + out;
		}
		catch (IOException | InterruptedException ex) {
			return "unknown (" + ex + ")";
		}
	}

	/**
	 * What a failure needs to be explained: how both ends stand, what the sender was
	 * told, what the server counted.
	 */
	private String whyNot(ChatClient reader, ChatClient sender) {
		String counted;
		try {
			counted = HttpCalls.get(this.port, "/metrics")
				.body()
				.lines()
				.filter((line) -> line.startsWith("auth_ws_disconnects_total") || line.startsWith("auth_limits_total")
						|| line.startsWith("auth_errors_total"))
				.filter((line) -> !line.endsWith(" 0.0"))
				.toList()
				.toString();
		}
		catch (IOException | InterruptedException ex) {
			counted = "unknown (" + ex + ")";
		}
		return "reader " + reader.state() + ", sender " + sender.state() + ", errors sent to the sender "
				+ sender.unread("error") + ", counted " + counted + ", sockets " + sockets();
	}

}
