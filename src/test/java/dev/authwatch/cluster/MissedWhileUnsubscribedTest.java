package dev.authwatch.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pub/sub delivers at most once: what is published while an instance's subscription is
 * down (Redis restarting, a dropped connection) never reaches it. Instance B's
 * subscription is stopped here, as a lost connection stops it, while instance A
 * publishes; once B subscribes again, nothing that was stored is missing on B.
 */
class MissedWhileUnsubscribedTest {

	private static RunningApp a;

	private static RunningApp b;

	private static LettuceConnectionFactory connections;

	private final String room = "r" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void start() {
		Map<String, Object> properties = new HashMap<>(RunningApp.onRedis());
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		a = RunningApp.start(properties);
		b = RunningApp.start(properties);
		connections = RedisTestServer.connectionFactory();
	}

	@AfterAll
	static void stop() {
		connections.destroy();
		b.close();
		a.close();
	}

	@Test
	void roomMessagesPublishedMeanwhileReachMembersOnceInOrderWhenTheInstanceSubscribesAgain() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			long first = send(alice, "before");
			assertThat(text(bob.next("message"))).isEqualTo("before");
			double recoveredBefore = recovered(b);

			RedisMessageListenerContainer subscription = unsubscribe(b);
			send(alice, "meanwhile-1");
			send(alice, "meanwhile-2");
			assertThat(bob.nextWithin(Duration.ofMillis(300))).as("B is not subscribed").isNull();
			subscription.start();

			assertThat(offsetsAndTexts(bob, 2)).containsExactly((first + 1) + " meanwhile-1",
					(first + 2) + " meanwhile-2");
			send(alice, "after");
			assertThat(offsetsAndTexts(bob, 1)).containsExactly((first + 3) + " after");
			assertThat(bob.nextWithin(Duration.ofMillis(300))).as("nothing twice").isNull();
			assertThat(recovered(b) - recoveredBefore).isEqualTo(2.0);
			assertThat(AuthApi.metricValue(b.port(), "auth_ws_missed_total{recovered=\"false\"}")).isZero();
		}
	}

	@Test
	void membersWhoHadNoMessageHereYetStillGetWhatWasPublishedMeanwhile() throws Exception {
		try (ChatClient alice = member(a, "alice")) {
			long first = send(alice, "before bob joined");
			try (ChatClient bob = member(b, "bob")) {
				RedisMessageListenerContainer subscription = unsubscribe(b);
				send(alice, "meanwhile-1");
				send(alice, "meanwhile-2");
				subscription.start();

				assertThat(offsetsAndTexts(bob, 2)).containsExactly((first + 1) + " meanwhile-1",
						(first + 2) + " meanwhile-2");
				assertThat(bob.nextWithin(Duration.ofMillis(300))).as("nothing twice").isNull();
			}
		}
	}

	@Test
	void membersOfANewRoomStillGetWhatWasPublishedMeanwhile() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			RedisMessageListenerContainer subscription = unsubscribe(b);
			long first = send(alice, "meanwhile-1");
			send(alice, "meanwhile-2");
			subscription.start();

			assertThat(offsetsAndTexts(bob, 2)).containsExactly(first + " meanwhile-1", (first + 1) + " meanwhile-2");
			assertThat(bob.nextWithin(Duration.ofMillis(300))).as("nothing twice").isNull();
		}
	}

	@Test
	void aMessageArrivingAfterAGapBringsTheMissedOnesBeforeIt() throws Exception {
		try (ChatClient alice = member(a, "alice"); ChatClient bob = member(b, "bob")) {
			long first = send(alice, "before");
			assertThat(text(bob.next("message"))).isEqualTo("before");
			RedisMessageListenerContainer subscription = unsubscribe(b);
			send(alice, "lost-1");
			send(alice, "lost-2");
			send(alice, "arrives");
			RedisRoomFanout fanout = b.bean("roomFanout", RedisRoomFanout.class);
			String frame = fanout.history(this.room, first + 2).after().get(0).frame();

			fanout.onMessage(new DefaultMessage(RedisRoomFanout.CHANNEL.getBytes(StandardCharsets.UTF_8),
					(this.room + "\n" + frame).getBytes(StandardCharsets.UTF_8)), null);

			assertThat(offsetsAndTexts(bob, 3)).containsExactly((first + 1) + " lost-1", (first + 2) + " lost-2",
					(first + 3) + " arrives");
			subscription.start();
			assertThat(bob.nextWithin(Duration.ofMillis(500))).as("nothing twice after subscribing again").isNull();
		}
	}

	@Test
	void aRevocationToldMeanwhileClosesTheSocketWhenTheInstanceSubscribesAgain() throws Exception {
		try (ChatClient carol = ChatClient.withBearerHeader(b.port(), TestTokens.valid("carol", "user"))) {
			assertThat(carol.next().get("type").asString()).isEqualTo("welcome");

			RedisMessageListenerContainer subscription = unsubscribe(b);
			assertThat(AdminCalls.as(a.port(), TestTokens.valid("root", "admin"))
				.delete(AdminCalls.BASE + "/session/carol")
				.statusCode()).isEqualTo(200);
			assertThat(carol.nextWithin(Duration.ofMillis(300))).as("B did not hear of it").isNull();
			subscription.start();

			assertThat(carol.awaitClose()).isEqualTo(4003);
		}
	}

	private ChatClient member(RunningApp instance, String user) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(instance.port(), TestTokens.valid(user, "user"));
		client.welcomeThenJoin(this.room);
		return client;
	}

	/**
	 * Stops the instance's subscription and waits until Redis no longer counts it, so
	 * that what is published next cannot reach it.
	 */
	private static RedisMessageListenerContainer unsubscribe(RunningApp instance) throws Exception {
		long subscribers = subscribers();
		RedisMessageListenerContainer subscription = instance.bean("redisListeners",
				RedisMessageListenerContainer.class);
		subscription.stop();
		await().atMost(Duration.ofSeconds(5)).until(() -> subscribers() == subscribers - 1);
		return subscription;
	}

	@SuppressWarnings("unchecked")
	private static long subscribers() throws Exception {
		try (RedisConnection connection = connections.getConnection()) {
			RedisAsyncCommands<byte[], byte[]> commands = (RedisAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			return commands.pubsubNumsub(RedisRoomFanout.CHANNEL.getBytes(StandardCharsets.UTF_8))
				.get(5, TimeUnit.SECONDS)
				.values()
				.iterator()
				.next();
		}
	}

	/** Sends a message with an id and returns its offset from the ack. */
	private long send(ChatClient sender, String text) throws InterruptedException {
		sender.send(Map.of("type", "message", "room", this.room, "id", text, "text", text));
		return sender.next("ack").get("offset").asLong();
	}

	private static List<String> offsetsAndTexts(ChatClient client, int count) throws InterruptedException {
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			JsonNode message = client.next("message");
			seen.add(message.get("offset").asLong() + " " + text(message));
		}
		return seen;
	}

	private static double recovered(RunningApp instance) throws Exception {
		return AuthApi.metricValue(instance.port(), "auth_ws_missed_total{recovered=\"true\"}");
	}

	private static String text(JsonNode message) {
		return message.get("text").asString();
	}

}
