package dev.authwatch.support;

import java.time.Duration;
import java.util.List;

import dev.authwatch.auth.jwt.JwtProperties;

/**
 * The service's default JWT settings with the given secrets, for tests that build
 * validators by hand.
 */
public final class TestJwtProperties {

	private TestJwtProperties() {
	}

	public static JwtProperties withSecrets(String secret, String previousSecret) {
		return new JwtProperties("authwatch", "authwatch", Duration.ofSeconds(30), Duration.ofMinutes(15), secret,
				previousSecret, 8192, false, null, null, true, List.of(), Duration.ofSeconds(30),
				Duration.ofSeconds(2));
	}

}
