package dev.authwatch.support;

import java.nio.charset.StandardCharsets;

/**
 * Secrets the tests configure the service with: random, as the service requires of every
 * secret.
 */
public final class TestSecrets {

	public static final String CURRENT = "K7cU2y5iT90Z6DYmnBQPM166GEeSZMB2s8_lXzZih6w";

	public static final String PREVIOUS = "bS4G5JXAGQi9j0bnrK_s5nFc-jnq2R1ki2Kln-oavmw";

	public static final String FOREIGN = "gvoQL-RCd7ziJOm-BtwWxNnOmiA1x-rjPD12feccy88";

	public static final String SECRET_PROPERTY = "authwatch.jwt.secret=" + CURRENT;

	private TestSecrets() {
	}

	public static byte[] bytes(String secret) {
		return secret.getBytes(StandardCharsets.UTF_8);
	}

}
