package dev.authwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.ExternalTool;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The cluster as users run it (SPEC §9): a real Redis, three AuthWatch JVMs of the
 * packaged jar and Debian's nginx with the shipped configuration in front of them. Run by
 * {@code .ci/run} after the suite ({@code ./mvnw -Pcluster test}; needs
 * {@code target/authwatch.jar}).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = TestTokens.valid("root", "admin");

	private static final Path JAR = Path.of("target", "authwatch.jar");

	private final String prefix = "c" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private final List<Instance> instances = new ArrayList<>();

	private StackProcess nginx;

	private int nginxPort;

	private record Instance(String id, int port, StackProcess process) {
	}

	@BeforeAll
	void startCluster(@TempDir Path directory) throws Exception {
		ExternalTool nginxTool = ExternalTool.require("nginx", "nginx-light");
		if (!Files.isRegularFile(JAR)) {
			fail(JAR + " is missing: the cluster test runs the packaged jar (./mvnw package, or .ci/run)");
		}
		for (int i = 1; i <= 3; i++) {
			String id = this.prefix + "n" + i;
			int port = LocalPorts.free();
			Path work = Files.createDirectories(directory.resolve(id));
			this.instances.add(new Instance(id, port, StackProcess.start(id, work, command(id, port, work))));
		}
		for (Instance instance : this.instances) {
			awaitListening(instance);
		}
		this.nginxPort = LocalPorts.free();
		this.nginx = ShippedNginx.start(nginxTool, directory, this.nginxPort,
				this.instances.stream().map(Instance::port).toList());
		// An instance whose first subscription attempt timed out retries it; until then
		// it hears no room.
		await().atMost(Duration.ofSeconds(60)).until(() -> roomSubscribers() == this.instances.size());
	}

	private static long roomSubscribers() {
		RedisClient client = RedisClient.create(RedisTestServer.uri().toString());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().pubsubNumsub("authwatch:rooms").getOrDefault("authwatch:rooms", 0L);
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Three JVMs starting on two cores take their time; one that exits fails the test at
	 * once, with its log.
	 */
	private static void awaitListening(Instance instance) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (!LocalPorts.accepts(instance.port())) {
			if (!instance.process().isAlive()) {
				fail("Instance %s exited during startup. %s", instance.id(), instance.process().tail());
			}
			if (System.nanoTime() > deadline) {
				fail("Instance %s did not listen within 180 s. %s", instance.id(), instance.process().tail());
			}
			Thread.sleep(250);
		}
	}

	private List<String> command(String id, int port, Path work) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:ActiveProcessorCount=2", "-jar", JAR.toAbsolutePath().toString()));
		Map<String, String> properties = Map.ofEntries(Map.entry("server.port", Integer.toString(port)),
				Map.entry("authwatch.store", "redis"),
				Map.entry("spring.data.redis.host", RedisTestServer.uri().getHost()),
				Map.entry("spring.data.redis.port", Integer.toString(RedisTestServer.uri().getPort())),
				Map.entry("authwatch.jwt.secret", TestSecrets.CURRENT), Map.entry("authwatch.cluster.instance-id", id),
				Map.entry("authwatch.cluster.announce-interval", "500ms"), Map.entry("authwatch.cluster.grace", "3s"),
				Map.entry("authwatch.cluster.directory-interval", "200ms"), Map.entry("spring.main.banner-mode", "off"),
				Map.entry("authwatch.data-dir", work.resolve("data").toString()));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		for (String user : List.of(TestUsers.ALICE, TestUsers.ALICE_PASSWORD, TestUsers.BOB, TestUsers.BOB_PASSWORD,
				TestUsers.ROOT, TestUsers.ROOT_PASSWORD, TestUsers.ROOT_ROLES, TestUsers.GENEROUS_LOGIN_LIMIT)) {
			command.add("--" + user);
		}
		return command;
	}

	@AfterAll
	void stopCluster() throws InterruptedException {
		if (this.nginx != null) {
			this.nginx.close();
		}
		for (Instance instance : this.instances) {
			instance.process().close();
		}
	}

	@Test
	void threeInstancesBehindNginxActAsOneServiceAndSurviveTheLossOfOne() throws Exception {
		// Cold JVMs on two cores answer their first admin requests slowly.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(clusterIds()).containsExactlyInAnyOrder(this.prefix + "n1",
					this.prefix + "n2", this.prefix + "n3"));

		String room = "room-" + this.prefix;
		JsonNode lastSeen;
		try (ChatClient viaNginx = member(this.nginxPort, "ann", room)) {
			String proxiedTo = await().atMost(Duration.ofSeconds(5)).until(() -> instanceOf("ann"), (id) -> id != null);
			Instance other = this.instances.stream().filter((i) -> !i.id().equals(proxiedTo)).findFirst().orElseThrow();

			// A message sent through nginx reaches a member connected to another
			// instance, and back.
			try (ChatClient elsewhere = member(other.port(), "ben", room)) {
				viaNginx.send(Map.of("type", "message", "room", room, "text", "over the proxy"));
				assertThat(nextMessage(elsewhere).get("text").asString()).isEqualTo("over the proxy");
				elsewhere.send(Map.of("type", "message", "room", room, "text", "and back"));
				assertThat(nextMessage(viaNginx).get("text").asString()).isEqualTo("over the proxy");
				lastSeen = nextMessage(viaNginx);
				assertThat(lastSeen.get("text").asString()).isEqualTo("and back");
			}

			// SIGKILL the instance behind the proxied client: it leaves the cluster
			// within the grace,
			// and a reconnect through nginx lands on a survivor that still serves the
			// room.
			Instance killed = this.instances.stream().filter((i) -> i.id().equals(proxiedTo)).findFirst().orElseThrow();
			killed.process().kill();
			try {
				viaNginx.awaitClose();
			}
			catch (CompletionException ended) {
				assertThat(ended).as("the connection ends (not a timeout)").hasRootCauseInstanceOf(IOException.class);
			}
			await().atMost(Duration.ofSeconds(8))
				.untilAsserted(() -> assertThat(clusterIds()).hasSize(2).doesNotContain(killed.id()));
			// What was said while ann was away is recovered from the shared history on
			// the survivor she reaches.
			try (ChatClient survivor = member(other.port(), "ben", room)) {
				survivor.send(Map.of("type", "message", "room", room, "text", "while ann was away"));
				assertThat(nextMessage(survivor).get("text").asString()).isEqualTo("while ann was away");
				try (ChatClient reconnected = ChatClient.withBearerHeader(this.nginxPort,
						TestTokens.valid("ann", "user"))) {
					assertThat(reconnected.next().get("type").asString()).isEqualTo("welcome");
					reconnected.send(Map.of("type", "join", "room", room, "since", lastSeen.get("offset").asLong()));
					assertThat(reconnected.next().get("recovered").asBoolean()).isTrue();
					JsonNode missed = nextMessage(reconnected);
					assertThat(missed.get("text").asString()).isEqualTo("while ann was away");
					assertThat(missed.get("offset").asLong()).isEqualTo(lastSeen.get("offset").asLong() + 1);
					survivor.send(Map.of("type", "message", "room", room, "text", "after failover"));
					assertThat(nextMessage(reconnected).get("text").asString()).isEqualTo("after failover");
					assertThat(instanceOf("ann")).isNotEqualTo(killed.id());
				}
			}
		}
	}

	@Test
	void aLogoutOnOneInstanceClosesTheLoginsSocketOnAnotherAndAdminsSeeEveryInstance() throws Exception {
		// Another test kills an instance: this one uses two that are up.
		List<Instance> up = this.instances.stream().filter((instance) -> instance.process().isAlive()).toList();
		Instance first = up.get(0);
		Instance second = up.get(1);
		AuthApi.Response login = AuthApi.on(first.port()).login("alice", "alice-password");
		assertThat(login.status()).isEqualTo(200);

		try (ChatClient loggedIn = ChatClient.withBearerHeader(second.port(), login.text("access_token"));
				ChatClient otherLogin = ChatClient.withBearerHeader(first.port(), TestTokens.valid("alice", "user"))) {
			loggedIn.next();
			otherLogin.next();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(sessionInstances(first, "alice")).containsExactlyInAnyOrder(first.id(),
						second.id()));

			AuthApi.Response logout = AuthApi.on(first.port())
				.post("/api/auth/logout", Map.of("refresh_token", login.text("refresh_token")));
			assertThat(logout.status()).isEqualTo(204);

			assertThat(loggedIn.awaitClose()).isEqualTo(4003);
			assertThat(otherLogin.nextWithin(Duration.ofMillis(500))).as("another login of alice stays").isNull();
		}
	}

	private ChatClient member(int port, String user, String room) throws InterruptedException {
		ChatClient client = ChatClient.withBearerHeader(port, TestTokens.valid(user, "user"));
		assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		client.send(Map.of("type", "join", "room", room));
		assertThat(client.next().get("type").asString()).isEqualTo("joined");
		return client;
	}

	private static JsonNode nextMessage(ChatClient client) throws InterruptedException {
		JsonNode frame = client.nextWithin(Duration.ofSeconds(10));
		assertThat(frame).as("a message within 10 s").isNotNull();
		return frame;
	}

	private List<String> clusterIds() throws Exception {
		String body = AdminCalls.as(this.nginxPort, ADMIN).get(AdminCalls.BASE + "/cluster").body();
		return JSON.readTree(body)
			.get("instances")
			.valueStream()
			.map((i) -> i.get("id").asString())
			.filter((id) -> id.startsWith(this.prefix))
			.toList();
	}

	private List<String> sessionInstances(Instance admin, String user) throws Exception {
		String body = AdminCalls.as(admin.port(), ADMIN).get(AdminCalls.BASE + "/session/" + user).body();
		return JSON.readTree(body).get("connections").valueStream().map((c) -> c.get("instance").asString()).toList();
	}

	/**
	 * Which instance holds the user's (one) connection, asked of an instance that is up.
	 */
	private String instanceOf(String user) throws Exception {
		Instance asked = this.instances.stream().filter((i) -> i.process().isAlive()).findFirst().orElseThrow();
		List<String> where = sessionInstances(asked, user);
		return where.isEmpty() ? null : where.get(0);
	}

}
