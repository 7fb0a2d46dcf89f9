package dev.authwatch.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one Redis: an admin on either sees and manages a user's connections on
 * both.
 */
class ConnectionDirectoryTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestTokens.valid("root", "admin");

	private final String prefix = "d" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private Map<String, Object> instance(String id) {
		Map<String, Object> properties = new HashMap<>(RunningApp.onRedis());
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		properties.put("authwatch.cluster.instance-id", this.prefix + id);
		properties.put("authwatch.cluster.announce-interval", "200ms");
		properties.put("authwatch.cluster.grace", "1s");
		properties.put("authwatch.cluster.directory-interval", "100ms");
		return properties;
	}

	private static List<JsonNode> connections(RunningApp admin, String user) throws Exception {
		String body = AdminCalls.as(admin.port(), ADMIN).get(AdminCalls.BASE + "/session/" + user).body();
		return JSON.readTree(body).get("connections").valueStream().toList();
	}

	@Test
	void aUsersConnectionOnAnotherInstanceIsListedTestedAndDisconnectedFromThisOne() throws Exception {
		String user = this.prefix + "alice";
		try (RunningApp a = RunningApp.start(instance("a"));
				RunningApp b = RunningApp.start(instance("b"));
				ChatClient onB = ChatClient.withBearerHeader(b.port(), TestTokens.valid(user, "user"))) {
			onB.next();

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(connections(a, user)).singleElement().satisfies((connection) -> {
					assertThat(connection.get("instance").asString()).isEqualTo(this.prefix + "b");
					assertThat(connection.get("method").asString()).isEqualTo("jwt");
					assertThat(connection.get("health").asString()).isEqualTo("healthy");
				}));

			String report = AdminCalls.as(a.port(), ADMIN)
				.post(AdminCalls.BASE + "/test-connection", "{\"user_id\":\"" + user + "\"}")
				.body();
			assertThat(
					JSON.readTree(report).get("liveConnections").valueStream().map((c) -> c.get("instance").asString()))
				.containsExactly(this.prefix + "b");

			assertThat(AdminCalls.as(a.port(), ADMIN).delete(AdminCalls.BASE + "/session/" + user).statusCode())
				.isEqualTo(200);
			assertThat(onB.awaitClose()).isEqualTo(4003);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(connections(a, user)).isEmpty());
		}
	}

}
