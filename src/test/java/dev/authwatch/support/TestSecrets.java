package dev.authwatch.support;

import java.nio.charset.StandardCharsets;

/** Secrets the tests configure the service with. */
public final class TestSecrets {

	public static final String CURRENT = "test-secret-current-0123456789abcdefghijkl";

	public static final String PREVIOUS = "test-secret-previous-0123456789abcdefghijk";

	public static final String FOREIGN = "someone-elses-secret-0123456789abcdefghijk";

	public static final String SECRET_PROPERTY = "authwatch.jwt.secret=" + CURRENT;

	private TestSecrets() {
	}

	public static byte[] bytes(String secret) {
		return secret.getBytes(StandardCharsets.UTF_8);
	}

}
