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
 * Instances on one Redis see each other through {@code GET /cluster}; with memory, one
 * instance.
 */
class ClusterMembershipTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestTokens.valid("root", "admin");

	/**
	 * Other tests' instances share the test Redis: this test only looks at its own ids.
	 */
	private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private Map<String, Object> instance(String id, boolean redis) {
		Map<String, Object> properties = new HashMap<>(redis ? RunningApp.onRedis() : Map.of());
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		properties.put("authwatch.cluster.instance-id", this.prefix + id);
		properties.put("authwatch.cluster.announce-interval", "200ms");
		properties.put("authwatch.cluster.grace", "1s");
		return properties;
	}

	private List<JsonNode> ownInstances(RunningApp app) throws Exception {
		String body = AdminCalls.as(app.port(), ADMIN).get(AdminCalls.BASE + "/cluster").body();
		return JSON.readTree(body)
			.get("instances")
			.valueStream()
			.filter((instance) -> instance.get("id").asString().startsWith(this.prefix))
			.toList();
	}

	@Test
	void instancesOnOneRedisListEachOtherWithLevelAndConnectionsAndAStoppedOneLeaves() throws Exception {
		try (RunningApp first = RunningApp.start(instance("a", true))) {
			try (RunningApp second = RunningApp.start(instance("b", true));
					ChatClient client = ChatClient.withBearerHeader(second.port(), TestTokens.valid("alice", "user"))) {
				client.next();

				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
					List<JsonNode> instances = ownInstances(first);
					assertThat(instances).extracting((node) -> node.get("id").asString())
						.containsExactly(this.prefix + "a", this.prefix + "b");
					JsonNode b = instances.get(1);
					assertThat(b.get("connections").asInt()).isEqualTo(1);
					assertThat(b.get("level").asString()).isIn("unknown", "healthy", "degraded", "critical");
					assertThat(b.get("address").asString()).endsWith(":" + second.port());
					assertThat(b.get("startedAt").asString()).isNotBlank();
					assertThat(b.get("lastSeen").asString()).isNotBlank();
					assertThat(b.get("version").asString()).isNotBlank();
				});
			}

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(ownInstances(first)).extracting((node) -> node.get("id").asString())
					.containsExactly(this.prefix + "a"));
		}
	}

	@Test
	void withTheMemoryStoreTheClusterIsThisOneInstanceAndOnlyAdminsMaySeeIt() throws Exception {
		try (RunningApp app = RunningApp.start(instance("solo", false))) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(ownInstances(app)).extracting((node) -> node.get("id").asString())
					.containsExactly(this.prefix + "solo"));
			assertThat(AdminCalls.as(app.port(), null).get(AdminCalls.BASE + "/cluster").statusCode()).isEqualTo(401);
			assertThat(AdminCalls.as(app.port(), TestTokens.valid("alice", "user"))
				.get(AdminCalls.BASE + "/cluster")
				.statusCode()).isEqualTo(403);
		}
	}

}
