package dev.authwatch.auth.jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSecretResolverTest {

	@TempDir
	Path directory;

	@Test
	void configuredSecretWins() {
		JwtSecretResolver.ResolvedSecrets secrets = resolve(TestSecrets.CURRENT, null, false);

		assertThat(secrets.source()).isEqualTo("JWT_SECRET");
		assertThat(secrets.current()).isEqualTo(TestSecrets.bytes(TestSecrets.CURRENT));
		assertThat(secrets.previous()).isNull();
	}

	@Test
	void secretShorterThan32BytesStopsStartupNamingTheVariable() {
		assertThatThrownBy(() -> resolve("too-short-secret", null, false))
			.isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageContaining("JWT_SECRET")
			.hasMessageContaining("16 bytes")
			.hasMessageNotContaining("too-short-secret");
	}

	@Test
	void shortPreviousSecretStopsStartupNamingTheVariable() {
		assertThatThrownBy(() -> resolve(TestSecrets.CURRENT, "short", false))
			.hasMessageContaining("JWT_PREVIOUS_SECRET");
	}

	@Test
	void missingSecretStopsStartupWhenConfigurationMustBeValid() {
		assertThatThrownBy(() -> resolve(null, null, true))
			.isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageContaining("JWT_SECRET is not set");
	}

	@Test
	void missingSecretInDevelopmentGeneratesOneOwnerOnlyAndKeepsIt() throws Exception {
		JwtSecretResolver.ResolvedSecrets first = resolve(null, null, false);
		JwtSecretResolver.ResolvedSecrets second = resolve(null, null, false);

		assertThat(first.source()).isEqualTo("generated-development-secret");
		assertThat(first.current()).hasSizeGreaterThanOrEqualTo(JwtSecretResolver.MIN_SECRET_BYTES).isEqualTo(second.current());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory.resolve("dev-secret"))))
			.isEqualTo("rw-------");
	}

	private JwtSecretResolver.ResolvedSecrets resolve(String secret, String previous, boolean failOnInvalid) {
		JwtProperties properties = new JwtProperties("authwatch", "authwatch", Duration.ofSeconds(30), Duration.ofMinutes(15),
				secret, previous, 8192, failOnInvalid, this.directory.resolve("dev-secret"));
		return new JwtSecretResolver(properties).resolve();
	}

}
