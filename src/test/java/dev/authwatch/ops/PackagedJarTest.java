package dev.authwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar ({@code target/authwatch.jar}) run the way the {@code Dockerfile} runs
 * it: as a user that is not root, in a working directory it cannot write (the image's
 * {@code /app}), with {@code AUTHWATCH_DATA_DIR} on a directory it owns (the image's
 * volume). Runs after {@code package} in {@code ./mvnw verify} (surefire execution
 * {@code packaged-jar}, tag {@code packaged}).
 */
@Tag("packaged")
class PackagedJarTest {

	private static final Path JAR = Path.of("target", "authwatch.jar").toAbsolutePath();

	private static final Duration STARTUP = Duration.ofSeconds(90);

	@TempDir
	Path directory;

	private ImageUser user;

	private Path app;

	@BeforeEach
	void layOutTheImage() throws IOException {
		assertThat(JAR).as("the packaged jar: run `./mvnw verify`, which packages before this test").isRegularFile();
		this.user = ImageUser.require(this.directory);
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.app = Files.createDirectory(this.directory.resolve("app"));
		Files.copy(JAR, this.app.resolve("authwatch.jar"));
		Files.setPosixFilePermissions(this.app.resolve("authwatch.jar"), PosixFilePermissions.fromString("rw-r--r--"));
		this.user.mayOnlyRead(this.app);
	}

	@Test
	void aResetLinkReachesTheOutboxInTheDataDirectoryTheComposeHealthCheckPassesAndTheKeyStateSurvivesARestart()
			throws Exception {
		Path data = Files.createDirectory(this.directory.resolve("data"));
		this.user.owns(data);
		int port = RedisTestServer.freePort();
		try (StackProcess first = start("first", data, TestSecrets.CURRENT, port)) {
			awaitUp(first, port);

			AuthApi.Response known = AuthApi.on(port).post("/api/auth/password-reset", Map.of("username", "alice"));
			AuthApi.Response unknown = AuthApi.on(port).post("/api/auth/password-reset", Map.of("username", "mallory"));

			assertThat(known.status()).isEqualTo(202);
			assertThat(unknown.status()).isEqualTo(202);
			assertThat(known.body()).isEqualTo(unknown.body());
			Path outbox = data.resolve("outbox").resolve("password-reset.log");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(outbox).as(first::tail).isRegularFile().content().contains(" to=alice "));
			String line = Files.readAllLines(outbox).get(0);
			String token = line.substring(line.indexOf("?token=") + "?token=".length());
			AuthApi.Response confirm = AuthApi.on(port)
				.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", "a-brand-new-password"));
			assertThat(confirm.status()).as(first::tail).isEqualTo(204);
			assertThat(AuthApi.on(port).login("alice", "a-brand-new-password").status()).isEqualTo(200);
			assertThat(AuthApi.metricValue(port, "auth_password_reset_total{event=\"undelivered\"}")).isZero();
			assertThat(first.output()).doesNotContain("could not", "Could not");
			assertThat(composeHealthCheck(port)).as(first::tail).isZero();
		}
		assertThat(composeHealthCheck(port)).as("health check with the service stopped").isPositive();
		try (StackProcess second = start("second", data, TestSecrets.FOREIGN, port)) {
			awaitUp(second, port);

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(AuthApi.metricValue(port, "jwt_secret_rotations_total")).as(second::tail)
							.isEqualTo(1.0));
		}
	}

	@Test
	void aDataDirectoryTheUserCannotWriteStopsStartupNamingTheSetting() throws Exception {
		Path data = Files.createDirectory(this.directory.resolve("data"));
		this.user.mayOnlyRead(data);
		try (StackProcess jar = start("unwritable", data, TestSecrets.CURRENT, RedisTestServer.freePort())) {
			int exit = jar.awaitExit(STARTUP);

			assertThat(exit).as(jar::tail).isPositive();
			assertThat(jar.output()).contains("AUTHWATCH_DATA_DIR", data.toString());
		}
	}

	/**
	 * {@code java -jar authwatch.jar} in the image's layout, with one configured user.
	 */
	private StackProcess start(String name, Path data, String secret, int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return StackProcess.start(name, this.app, this.directory.resolve(name + ".log"),
				// C1 only: the same program, started in about half the time on a busy
				// machine.
				this.user.command(
						List.of(java, "-XX:TieredStopAtLevel=1", "-jar", this.app.resolve("authwatch.jar").toString())),
				Map.of("JWT_SECRET", secret, "AUTHWATCH_DATA_DIR", data.toString(), "SERVER_PORT", String.valueOf(port),
						"AUTHWATCH_USERS_0_USERNAME", "alice", "AUTHWATCH_USERS_0_PASSWORD", "{noop}alice-password"));
	}

	/**
	 * The exit code of docker-compose.yml's health check of the service, run here as
	 * Docker would.
	 */
	private int composeHealthCheck(int port) throws Exception {
		Map<?, ?> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		Map<?, ?> service = (Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("authwatch-1");
		List<?> test = (List<?>) ((Map<?, ?>) service.get("healthcheck")).get("test");
		assertThat(test.get(0)).isEqualTo("CMD");
		// Compose turns $$ into $; the rest is the command as the container runs it.
		List<String> command = test.subList(1, test.size())
			.stream()
			.map((part) -> ((String) part).replace("$$", "$"))
			.toList();
		try (StackProcess check = StackProcess.start("health-check", this.directory,
				this.directory.resolve("health-check.log"), command, Map.of("SERVER_PORT", String.valueOf(port)))) {
			return check.awaitExit(Duration.ofSeconds(5));
		}
	}

	private static void awaitUp(StackProcess jar, int port) {
		await().atMost(STARTUP)
			.pollInterval(Duration.ofMillis(250))
			.failFast("the jar exited", () -> assertThat(jar.isAlive()).as(jar::tail).isTrue())
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(HttpCalls.get(port, "/health/liveness").statusCode()).isEqualTo(200));
	}

}
