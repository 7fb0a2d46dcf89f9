package dev.authwatch.jwthealth;

import java.util.Map;

import dev.authwatch.support.RunningApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile turns fail-on-invalid-config on: a missing or weak secret
 * stops startup.
 */
class FailOnInvalidConfigTest {

	@Test
	void prodProfileRefusesAPlaceholderSecretNamingTheVariable() {
		assertThatThrownBy(
				() -> RunningApp.start(Map.of("spring.profiles.active", "prod", "authwatch.jwt.secret", "changeme")))
			.rootCause()
			.hasMessageStartingWith("JWT_SECRET is not a usable HS256 secret: it is 8 bytes long")
			.hasMessageContaining("placeholder")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("changeme"));
	}

	@Test
	void prodProfileRefusesAMissingSecretNamingTheEnvironmentVariable() {
		assertThatThrownBy(() -> RunningApp.start(Map.of("spring.profiles.active", "prod"))).rootCause()
			.hasMessageContaining("JWT_SECRET is not set")
			.hasMessageContaining("set JWT_SECRET_PROD");
	}

}
