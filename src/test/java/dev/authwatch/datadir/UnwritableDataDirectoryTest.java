package dev.authwatch.datadir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.token.ResetNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory the service cannot write, feature by feature: the default outbox needs
 * it and stops startup; with another notifier only the JWT key state is missing, which
 * the service runs without, saying so at start and in the {@code dataDir} health
 * component.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class UnwritableDataDirectoryTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path directory;

	@LocalServerPort
	int port;

	/** Below a regular file: no user, not even root, can create it. */
	private static Path unwritable() {
		Path blocker = directory.resolve("a-file");
		try {
			if (!Files.exists(blocker)) {
				Files.writeString(blocker, "");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return blocker.resolve("data");
	}

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("authwatch.data-dir", () -> unwritable().toString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MailNotifier {

		@Bean
		ResetNotifier mailNotifier() {
			return (String username, URI link) -> {
			};
		}

	}

	@Test
	void withAnotherNotifierTheServiceRunsWithoutKeyStateWarnsOnceAndReportsDataDirDown(CapturedOutput output)
			throws Exception {
		var response = HttpCalls.get(this.port, "/health");
		JsonNode health = JSON.readTree(response.body());

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(health.at("/components/dataDir/status").asString()).isEqualTo("DOWN");
		assertThat(health.at("/components/jwt/status").asString()).isEqualTo("UP");
		assertThat(HttpCalls.get(this.port, "/health/readiness").statusCode()).isEqualTo(200);
		assertThat(output.getOut().lines().filter((line) -> line.contains("running without the JWT key state")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "AUTHWATCH_DATA_DIR"));
		assertThat(output.getOut()).doesNotContain("Could not read or record the JWT key state");
	}

	@Test
	void withTheDefaultOutboxAnUnwritableDataDirectoryStopsStartupNamingTheSetting() {
		Path data = unwritable();

		assertThatThrownBy(() -> RunningApp
			.start(Map.of("authwatch.jwt.secret", TestSecrets.CURRENT, "authwatch.data-dir", data.toString())))
			.rootCause()
			.isInstanceOf(DataDirectoryNotWritableException.class)
			.hasMessageStartingWith("AUTHWATCH_DATA_DIR (authwatch.data-dir) is " + data + ", which cannot be written")
			.hasMessageContaining("the password-reset outbox needs it");
	}

}
