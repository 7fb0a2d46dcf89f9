package dev.authwatch.auth.jwt;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where the JWT secrets came from and what they look like, without the secrets
 * themselves: safe to log and to publish.
 *
 * @param source the variable (or file, or generator) the current secret came from, or
 * {@link #NONE}
 * @param environment the deployment environment ({@code AUTHWATCH_ENVIRONMENT} or the
 * active profile), empty when none is named
 * @param expectedSource the source that should win in this environment, e.g.
 * {@code JWT_SECRET_STAGING} on staging
 * @param conflicts lower-precedence sources that hold a different value than the winning
 * one
 * @param current the assessment of the current secret, {@code null} when there is none
 * @param previous the assessment of {@code JWT_PREVIOUS_SECRET}, {@code null} when unset
 */
public record SecretProvenance(String source, String environment, String expectedSource, List<String> conflicts,
		SecretPolicy.@Nullable Assessment current, SecretPolicy.@Nullable Assessment previous) {

	public static final String NONE = "none";

	private static final Set<String> DEVELOPMENT_ENVIRONMENTS = Set.of("", "dev", "development", "local", "test");

	static SecretProvenance of(String source, byte[] secret) {
		return new SecretProvenance(source, "", "JWT_SECRET", List.of(), SecretPolicy.assess(secret), null);
	}

	public boolean available() {
		return this.current != null;
	}

	public boolean developmentEnvironment() {
		return isDevelopment(this.environment);
	}

	/**
	 * The secret came from the source that should win here and no other source disagrees.
	 */
	public boolean environmentAligned() {
		if (!available() || !this.conflicts.isEmpty()) {
			return false;
		}
		return developmentEnvironment() || this.expectedSource.equals(this.source);
	}

	static boolean isDevelopment(String environment) {
		return DEVELOPMENT_ENVIRONMENTS.contains(environment.toLowerCase(Locale.ROOT));
	}

	/** {@code staging} → {@code JWT_SECRET_STAGING}; empty for no environment. */
	public static String environmentVariable(String environment) {
		if (environment.isEmpty()) {
			return "";
		}
		return "JWT_SECRET_" + environment.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
	}

}
