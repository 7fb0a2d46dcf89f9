package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSecretResolverTest {

	@TempDir
	Path directory;

	private Map<String, String> variables = Map.of();

	private String environment = "";

	private String secretFile;

	private boolean generate = true;

	@Test
	void configuredSecretWins() {
		JwtSecretResolver.ResolvedSecrets secrets = resolve(TestSecrets.CURRENT, null, false);

		assertThat(secrets.source()).isEqualTo("JWT_SECRET");
		assertThat(secrets.current()).isEqualTo(TestSecrets.bytes(TestSecrets.CURRENT));
		assertThat(secrets.previous()).isNull();
		assertThat(secrets.provenance().environmentAligned()).isTrue();
	}

	@Test
	void environmentSpecificSecretWinsOverJwtSecretAndTheOtherValueIsAPrecedenceConflict() {
		this.environment = "staging";
		this.variables = Map.of("JWT_SECRET_STAGING", TestSecrets.PREVIOUS);

		JwtSecretResolver.ResolvedSecrets secrets = resolve(TestSecrets.CURRENT, null, false);

		assertThat(secrets.source()).isEqualTo("JWT_SECRET_STAGING");
		assertThat(secrets.current()).isEqualTo(TestSecrets.bytes(TestSecrets.PREVIOUS));
		assertThat(secrets.provenance().conflicts()).containsExactly("JWT_SECRET");
		assertThat(secrets.provenance().environmentAligned()).isFalse();
	}

	@Test
	void equalValuesInSeveralSourcesAreNoConflict() {
		this.environment = "staging";
		this.variables = Map.of("JWT_SECRET_STAGING", TestSecrets.CURRENT);

		SecretProvenance provenance = resolve(TestSecrets.CURRENT, null, false).provenance();

		assertThat(provenance.conflicts()).isEmpty();
		assertThat(provenance.environmentAligned()).isTrue();
	}

	@Test
	void genericSecretInANamedEnvironmentIsNotAligned() {
		this.environment = "staging";

		SecretProvenance provenance = resolve(TestSecrets.CURRENT, null, false).provenance();

		assertThat(provenance.source()).isEqualTo("JWT_SECRET");
		assertThat(provenance.expectedSource()).isEqualTo("JWT_SECRET_STAGING");
		assertThat(provenance.environmentAligned()).isFalse();
	}

	@Test
	void mountedSecretFileIsReadWithoutItsTrailingLineBreak() throws Exception {
		Path file = this.directory.resolve("jwt-secret");
		Files.writeString(file, TestSecrets.CURRENT + "\n", StandardCharsets.UTF_8);
		this.secretFile = file.toString();

		JwtSecretResolver.ResolvedSecrets secrets = resolve(null, null, true);

		assertThat(secrets.source()).isEqualTo("JWT_SECRET_FILE");
		assertThat(secrets.current()).isEqualTo(TestSecrets.bytes(TestSecrets.CURRENT));
	}

	@Test
	void secretShorterThan32BytesStopsStartupNamingTheVariableWhenConfigurationMustBeValid() {
		assertThatThrownBy(() -> resolve("too-short-secret", null, true))
			.isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageContaining("JWT_SECRET")
			.hasMessageContaining("16 bytes")
			.hasMessageNotContaining("too-short-secret");
	}

	@Test
	void placeholderSecretStopsStartupWhenConfigurationMustBeValid() {
		assertThatThrownBy(() -> resolve("changeme-changeme-changeme-changeme", null, true))
			.isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageContaining("JWT_SECRET")
			.hasMessageContaining("placeholder")
			.hasMessageNotContaining("changeme-");
	}

	@Test
	void weakSecretStopsStartupInDevelopmentTooRatherThanFallingBack() {
		assertThatThrownBy(() -> resolve("changeme-changeme-changeme-changeme", null, false))
			.isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageStartingWith("JWT_SECRET is not a usable HS256 secret: it is a known placeholder value. ")
			.hasMessageEndingWith(
					"Replace it: set JWT_SECRET to at least 32 random bytes (for example: openssl rand -base64 48).")
			.hasMessageNotContaining("changeme-");
	}

	@Test
	void weakPreviousSecretStopsStartupInDevelopmentTooNamingJwtPreviousSecret() {
		assertThatThrownBy(() -> resolve(TestSecrets.CURRENT, "my-super-secret-jwt-key-for-authwatch-2026", false))
			.isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageStartingWith("JWT_PREVIOUS_SECRET is not a usable HS256 secret: it looks guessable")
			.hasMessageContaining("set JWT_PREVIOUS_SECRET");
	}

	@Test
	void handEditedDevelopmentSecretFileStopsStartupNamingTheFile() throws Exception {
		Files.writeString(this.directory.resolve("dev-secret"), "changeme-changeme-changeme-changeme\n",
				StandardCharsets.UTF_8);

		assertThatThrownBy(() -> resolve(null, null, false)).isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageStartingWith("generated-development-secret is not a usable HS256 secret")
			.hasMessageContaining("dev-secret was changed by hand: delete it");
	}

	@Test
	void shortPreviousSecretStopsStartupNamingTheVariable() {
		assertThatThrownBy(() -> resolve(TestSecrets.CURRENT, "short", true))
			.hasMessageContaining("JWT_PREVIOUS_SECRET");
	}

	@Test
	void missingSecretStopsStartupWhenConfigurationMustBeValid() {
		assertThatThrownBy(() -> resolve(null, null, true)).isInstanceOf(InvalidJwtConfigurationException.class)
			.hasMessageContaining("JWT_SECRET is not set");
	}

	@Test
	void missingSecretOutsideDevelopmentIsNotGeneratedButReportedAsNone() {
		this.environment = "staging";

		JwtSecretResolver.ResolvedSecrets secrets = resolve(null, null, false);

		assertThat(secrets.current()).isNull();
		assertThat(secrets.source()).isEqualTo(SecretProvenance.NONE);
		assertThat(JwtKeyRing.from(secrets).unusableReason()).contains("JWT_SECRET_STAGING");
		assertThat(Files.exists(this.directory.resolve("dev-secret"))).isFalse();
	}

	@Test
	void missingSecretWithTheGeneratorDisabledIsReportedAsNone() {
		this.generate = false;

		assertThat(resolve(null, null, false).current()).isNull();
	}

	@Test
	void missingSecretInDevelopmentGeneratesOneOwnerOnlyAndKeepsIt() throws Exception {
		JwtSecretResolver.ResolvedSecrets first = resolve(null, null, false);
		JwtSecretResolver.ResolvedSecrets second = resolve(null, null, false);

		assertThat(first.source()).isEqualTo("generated-development-secret");
		assertThat(first.current()).hasSizeGreaterThanOrEqualTo(JwtSecretResolver.MIN_SECRET_BYTES)
			.isEqualTo(second.current());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.directory.resolve("dev-secret"))))
			.isEqualTo("rw-------");
	}

	private JwtSecretResolver.ResolvedSecrets resolve(String secret, String previous, boolean failOnInvalid) {
		JwtProperties properties = new JwtProperties("authwatch", "authwatch", Duration.ofSeconds(30),
				Duration.ofMinutes(15), secret, previous, 8192, failOnInvalid, this.environment, this.secretFile,
				this.generate, List.of(), Duration.ofSeconds(30), Duration.ofSeconds(2));
		return new JwtSecretResolver(properties, this.variables::get, this.environment,
				() -> this.directory.resolve("dev-secret"))
			.resolve();
	}

}
