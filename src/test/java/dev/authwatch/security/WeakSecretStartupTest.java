package dev.authwatch.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A guessable secret lets anyone who guesses it forge an admin token, whatever the
 * profile: the service refuses to start on one, in the default (development) profile too,
 * naming the variable to fix and never quoting the secret. Only the generated development
 * secret, strong by construction, starts without configuration.
 */
class WeakSecretStartupTest {

	private static final String LONG_PLACEHOLDER = "change-me-change-me-change-me-change-me";

	@TempDir
	Path directory;

	private Map<String, Object> properties(Object... pairs) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("authwatch.data-dir", this.directory.toString());
		for (int i = 0; i < pairs.length; i += 2) {
			properties.put((String) pairs[i], pairs[i + 1]);
		}
		return properties;
	}

	@Test
	void longPlaceholderSecretOutsideProdRefusesToStartSoNoAdminTokenCanBeForgedWithIt() {
		assertRefused(properties("authwatch.jwt.secret", LONG_PLACEHOLDER), "JWT_SECRET", "placeholder",
				LONG_PLACEHOLDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "01234567890123456789012345678901", "my-super-secret-jwt-key-for-authwatch-2026",
			"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
			"qwertyuiopasdfghjklzxcvbnm-qwertyuiopasdfghjklzxcvbnm" })
	void guessableSecretsOfAnyLengthRefuseToStart(String secret) {
		assertRefused(properties("authwatch.jwt.secret", secret), "JWT_SECRET", "guessable", secret);
	}

	@Test
	void weakPreviousSecretRefusesToStartNamingJwtPreviousSecret() {
		assertRefused(properties("authwatch.jwt.secret", TestSecrets.CURRENT, "authwatch.jwt.previous-secret",
				LONG_PLACEHOLDER), "JWT_PREVIOUS_SECRET", "placeholder", LONG_PLACEHOLDER);
	}

	@Test
	void weakEnvironmentSpecificSecretRefusesToStartNamingItsVariable() {
		assertRefused(properties("AUTHWATCH_ENVIRONMENT", "staging", "JWT_SECRET_STAGING", LONG_PLACEHOLDER),
				"JWT_SECRET_STAGING", "placeholder", LONG_PLACEHOLDER);
	}

	@Test
	void weakMountedSecretFileRefusesToStartNamingJwtSecretFile() throws Exception {
		Path file = this.directory.resolve("jwt-secret");
		Files.writeString(file, LONG_PLACEHOLDER + "\n", StandardCharsets.UTF_8);

		assertRefused(properties("authwatch.jwt.secret-file", file.toString()), "JWT_SECRET_FILE", "placeholder",
				LONG_PLACEHOLDER);
	}

	@Test
	void shortSecretRefusesToStartOutsideProd() {
		assertRefused(properties("authwatch.jwt.secret", "too-short-but-random-Qx7v"), "JWT_SECRET", "25 bytes long",
				"too-short-but-random-Qx7v");
	}

	@Test
	void withoutAnySecretTheGeneratedDevelopmentSecretStartsAndSigns() throws Exception {
		try (RunningApp app = RunningApp.start(properties())) {
			String generated = Files.readString(this.directory.resolve("dev-jwt-secret")).trim();
			String admin = TestTokens.signedWith(generated, "root", "admin");

			assertThat(AdminCalls.as(app.port(), admin).get(AdminCalls.BASE + "/health").statusCode()).isEqualTo(200);
		}
	}

	private static void assertRefused(Map<String, Object> properties, String variable, String problem, String secret) {
		assertThatThrownBy(() -> RunningApp.start(properties).close()).rootCause()
			.hasMessageStartingWith(variable + " is not a usable HS256 secret: ")
			.hasMessageContaining(problem)
			.hasMessageContaining("set " + variable)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(secret));
	}

}
