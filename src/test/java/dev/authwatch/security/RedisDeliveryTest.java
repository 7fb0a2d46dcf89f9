package dev.authwatch.security;

import java.time.Duration;
import java.util.Map;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RunningApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery on a real Redis, and across instances: a client that reconnects to another
 * instance and resends is not broadcast twice, and it recovers what it missed from the
 * shared history.
 */
class RedisDeliveryTest extends DeliveryContract {

	@Override
	Map<String, Object> storeProperties() {
		return RunningApp.onRedis();
	}

	@Test
	void resendOnAnotherInstanceIsAcknowledgedWithTheSameOffsetAndNotBroadcastTwice() throws Exception {
		String room = room();
		try (RunningApp other = RunningApp.start(instanceProperties(storeProperties()));
				ChatClient bob = member(this.app, "bob", room)) {
			long offset;
			try (ChatClient alice = member(this.app, "alice", room)) {
				offset = sendAndAwaitAck(alice, room, "failover", "sent before the failover");
			}
			try (ChatClient alice = member(other, "alice", room)) {
				alice.send(message(room, "failover", "sent before the failover"));

				JsonNode ack = alice.next();
				assertThat(ack.get("type").asString()).isEqualTo("ack");
				assertThat(ack.get("offset").asLong()).isEqualTo(offset);
			}
			assertThat(bob.next().get("offset").asLong()).isEqualTo(offset);
			assertThat(bob.nextWithin(Duration.ofMillis(300))).as("nothing broadcast twice").isNull();
		}
	}

	@Test
	void joinWithSinceOnAnotherInstanceRecoversWhatWasSaidMeanwhile() throws Exception {
		String room = room();
		try (RunningApp other = RunningApp.start(instanceProperties(storeProperties()));
				ChatClient alice = member(this.app, "alice", room)) {
			long seen = sendAndAwaitAck(alice, room, "before", "bob saw this");
			sendAndAwaitAck(alice, room, "missed-1", "bob was away");
			sendAndAwaitAck(alice, room, "missed-2", "still away");
			try (ChatClient bob = connect(other, "bob")) {
				bob.send(Map.of("type", "join", "room", room, "since", seen));

				assertThat(bob.next().get("recovered").asBoolean()).isTrue();
				assertThat(bob.next().get("id").asString()).isEqualTo("missed-1");
				assertThat(bob.next().get("id").asString()).isEqualTo("missed-2");
				assertThat(bob.nextWithin(Duration.ofMillis(300))).isNull();
			}
		}
	}

}
