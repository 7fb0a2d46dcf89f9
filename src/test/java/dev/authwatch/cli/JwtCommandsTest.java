package dev.authwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.jwt.KeyFingerprint;
import dev.authwatch.auth.jwt.SecretPolicy;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate}, {@code monitor} and {@code rotate}, run as the jar runs them, against
 * a real instance.
 */
class JwtCommandsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path directory;

	/** A running instance whose secret is FOREIGN. */
	private static RunningApp peer;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@BeforeAll
	static void startPeer() {
		peer = RunningApp.start(Map.of("authwatch.jwt.secret", TestSecrets.FOREIGN, "authwatch.data-dir",
				directory.resolve("data").toString()));
	}

	@AfterAll
	static void stopPeer() {
		peer.close();
	}

	@BeforeEach
	void capture() {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
		System.clearProperty("authwatch.jwt.secret");
	}

	private int run(String secret, String... args) {
		System.setProperty("authwatch.jwt.secret", secret);
		return CommandLine.run(args);
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void validateOfAHealthyConfigurationExits0WithTheSameVerdictAsTheEndpoint() throws Exception {
		int exit = run(TestSecrets.FOREIGN, "validate", "--json");

		assertThat(exit).isZero();
		JsonNode cli = JSON.readTree(output());
		JsonNode endpoint = JSON
			.readTree(AdminCalls.as(peer.port(), TestTokens.signedWith(TestSecrets.FOREIGN, "root", "admin"))
				.get("/health/jwt")
				.body());
		assertThat(cli.get("status").asString()).isEqualTo("healthy").isEqualTo(endpoint.get("status").asString());
		assertThat(cli.get("score").asInt()).isEqualTo(100).isEqualTo(endpoint.get("score").asInt());
		for (String key : List.of("jwt_secret_available", "secret_length_valid", "secret_format_valid",
				"cross_service_consistency", "environment_aligned", "key_id", "secret_source")) {
			assertThat(cli.at("/details/" + key)).as(key).isEqualTo(endpoint.at("/details/" + key));
		}
		assertThat(cli.get("issues")).isEqualTo(endpoint.get("issues"));
	}

	@Test
	void validateAgainstAPeerWithAnotherSecretReportsDriftAndExits1() throws Exception {
		int exit = run(TestSecrets.CURRENT, "validate", "--json", "--peer", peer.baseUrl());

		assertThat(exit).isEqualTo(1);
		JsonNode cli = JSON.readTree(output());
		assertThat(cli.get("status").asString()).isEqualTo("degraded");
		assertThat(cli.get("score").asInt()).isEqualTo(70);
		assertThat(cli.at("/details/peers/0/status").asString()).isEqualTo("drift");
		assertThat(cli.at("/details/peers/0/problem").asString())
			.isEqualTo("it does not accept this instance's key (unknown_key)");
		assertThat(cli.at("/details/peers/0/key_id").isNull())
			.as("a peer tells its key id only to a holder of a key it accepts")
			.isTrue();
	}

	@Test
	void validateOfAPlaceholderSecretExits2AndSaysWhyTheServiceRefusesToStart() {
		int exit = run("changeme", "validate");

		assertThat(exit).isEqualTo(2);
		assertThat(output()).startsWith("JWT configuration: unhealthy (the service refuses to start with it)\nIssues:\n"
				+ "  - JWT_SECRET is not a usable HS256 secret: it is 8 bytes long; HS256 needs at least 32 bytes; it is a known "
				+ "placeholder value")
			.doesNotContain("changeme");
	}

	@Test
	void validateOfALongPlaceholderExits2AsJsonToo() throws Exception {
		assertThat(run("changeme-changeme-changeme-changeme", "validate", "--json")).isEqualTo(2);
		JsonNode cli = JSON.readTree(output());
		assertThat(cli.get("status").asString()).isEqualTo("unhealthy");
		assertThat(cli.get("score").asInt()).isZero();
		assertThat(cli.get("issues")).singleElement()
			.extracting(JsonNode::asString)
			.asString()
			.startsWith("The service refuses to start with this configuration: JWT_SECRET is not a usable HS256 secret")
			.doesNotContain("changeme");
	}

	@Test
	void validateWithAnUnknownOptionIsAUsageError() {
		assertThat(run(TestSecrets.CURRENT, "validate", "--frobnicate")).isEqualTo(ValidateCommand.USAGE_ERROR);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage:");
	}

	@Test
	void monitorPrintsDriftAndUnknownPeersAndExits1() throws Exception {
		String dead = "http://127.0.0.1:" + RedisTestServer.freePort();

		int exit = run(TestSecrets.CURRENT, "monitor", "--peer", peer.baseUrl(), "--peer", dead, "--count", "1",
				"--json");

		assertThat(exit).isEqualTo(1);
		List<JsonNode> lines = output().lines().map(JSON::readTree).toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).get("peer").asString()).isEqualTo(peer.baseUrl());
		assertThat(lines.get(0).get("status").asString()).isEqualTo("drift");
		assertThat(lines.get(1).get("status").asString()).isEqualTo("unknown");
	}

	@Test
	void monitorOfAConsistentPeerExits0() {
		assertThat(run(TestSecrets.FOREIGN, "monitor", "--peer", peer.baseUrl(), "--count", "2", "--interval", "50ms"))
			.isZero();
		assertThat(output().lines()).hasSize(2).allSatisfy((line) -> assertThat(line).contains(" consistent key_id="));
	}

	@Test
	void rotateGeneratesAStrongSecretWithItsKeyIdAndTheRolloutSteps() {
		int exit = run(TestSecrets.CURRENT, "rotate", "--json");

		assertThat(exit).isZero();
		JsonNode result = JSON.readTree(output());
		byte[] secret = result.get("secret").asString().getBytes(StandardCharsets.UTF_8);
		assertThat(SecretPolicy.assess(secret).acceptable()).isTrue();
		assertThat(result.get("key_id").asString()).isEqualTo(KeyFingerprint.of(secret));
		assertThat(result.get("steps").valueStream().map(JsonNode::asString)).hasSize(4)
			.satisfiesExactly((step) -> assertThat(step).startsWith("Add it as previous everywhere"),
					(step) -> assertThat(step).startsWith("Switch current"),
					(step) -> assertThat(step).startsWith("Wait one access-token lifetime"),
					(step) -> assertThat(step).startsWith("Remove the old key"));
	}

}
