package dev.authwatch.jwthealth;

import java.util.Locale;

/**
 * The verdict of {@code /health/jwt}; also the exit code of {@code validate} (0, 1, 2).
 */
public enum JwtHealthStatus {

	HEALTHY, DEGRADED, UNHEALTHY;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public int exitCode() {
		return ordinal();
	}

}
