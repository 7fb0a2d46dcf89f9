package dev.authwatch.auth.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the signing secret, in order: {@code JWT_SECRET_<ENVIRONMENT>},
 * {@code JWT_SECRET}, the file named by {@code JWT_SECRET_FILE}, and, in a development
 * environment only, a generated secret kept in the data directory (so the server and the
 * {@code token} command agree). The winning source is reported; a lower source holding a
 * different value is a precedence conflict. A weak current or previous secret
 * ({@link SecretPolicy}) stops startup in every environment: whoever guesses it can forge
 * any token. Without any secret, startup stops when
 * {@code authwatch.jwt.fail-on-invalid-config=true} (the {@code prod} profile); otherwise
 * the service starts with an unusable key ring, reported by the JWT configuration health.
 */
public final class JwtSecretResolver {

	/** HS256 needs a key of at least 256 bits (RFC 7518 §3.2; jjwt enforces it). */
	public static final int MIN_SECRET_BYTES = SecretPolicy.MIN_SECRET_BYTES;

	public static final String GENERATED_SOURCE = "generated-development-secret";

	public static final String FILE_SOURCE = "JWT_SECRET_FILE";

	static final String PREVIOUS_SOURCE = "JWT_PREVIOUS_SECRET";

	private static final Logger logger = LoggerFactory.getLogger(JwtSecretResolver.class);

	private final JwtProperties properties;

	private final Function<String, @Nullable String> variables;

	private final String environment;

	private final Supplier<Path> developmentSecretFile;

	/**
	 * @param variables looks up {@code JWT_SECRET_<ENVIRONMENT>} (the Spring environment,
	 * so system properties and test properties count too)
	 * @param environment the deployment environment, empty when none is named
	 * @param developmentSecretFile where a generated secret is kept; asked only when one
	 * is needed
	 */
	public JwtSecretResolver(JwtProperties properties, Function<String, @Nullable String> variables, String environment,
			Supplier<Path> developmentSecretFile) {
		this.properties = properties;
		this.variables = variables;
		this.environment = environment;
		this.developmentSecretFile = developmentSecretFile;
	}

	/**
	 * @param current {@code null} when no secret is available
	 */
	public record ResolvedSecrets(byte @Nullable [] current, byte @Nullable [] previous, SecretProvenance provenance) {

		public String source() {
			return this.provenance.source();
		}

	}

	public ResolvedSecrets resolve() {
		Map<String, byte[]> candidates = candidates();
		String expected = this.environment.isEmpty() ? "JWT_SECRET"
				: SecretProvenance.environmentVariable(this.environment);
		byte[] previous = bytes(this.properties.previousSecret());
		SecretPolicy.Assessment previousAssessment = (previous != null) ? SecretPolicy.assess(previous) : null;
		if (candidates.isEmpty() && mayGenerate()) {
			candidates.put(GENERATED_SOURCE, DevelopmentSecretFile.readOrCreate(this.developmentSecretFile.get()));
		}
		if (candidates.isEmpty()) {
			if (this.properties.failOnInvalidConfig()) {
				throw new InvalidJwtConfigurationException("JWT_SECRET is not set (nor " + expectedHint(expected)
						+ "JWT_SECRET_FILE) and authwatch.jwt.fail-on-invalid-config is true: set " + expected
						+ " to at least " + MIN_SECRET_BYTES + " random bytes (for example: openssl rand -base64 48)");
			}
			return new ResolvedSecrets(null, previous, new SecretProvenance(SecretProvenance.NONE, this.environment,
					expected, List.of(), null, previousAssessment));
		}
		Map.Entry<String, byte[]> winner = candidates.entrySet().iterator().next();
		List<String> conflicts = new ArrayList<>();
		candidates.forEach((name, value) -> {
			if (!name.equals(winner.getKey()) && !MessageDigest.isEqual(value, winner.getValue())) {
				conflicts.add(name);
			}
		});
		SecretProvenance provenance = new SecretProvenance(winner.getKey(), this.environment, expected,
				List.copyOf(conflicts), SecretPolicy.assess(winner.getValue()), previousAssessment);
		refuseIfWeak(winner.getKey(), provenance.current());
		if (previousAssessment != null) {
			refuseIfWeak(PREVIOUS_SOURCE, previousAssessment);
		}
		if (!conflicts.isEmpty()) {
			logger.warn("JWT secret precedence conflict: {} wins, but {} also set to a different value",
					winner.getKey(), conflicts);
		}
		return new ResolvedSecrets(winner.getValue(), previous, provenance);
	}

	private static String expectedHint(String expected) {
		return "JWT_SECRET".equals(expected) ? "" : expected + ", ";
	}

	private Map<String, byte[]> candidates() {
		Map<String, byte[]> candidates = new LinkedHashMap<>();
		if (!this.environment.isEmpty()) {
			String name = SecretProvenance.environmentVariable(this.environment);
			putIfSet(candidates, name, bytes(this.variables.apply(name)));
		}
		putIfSet(candidates, "JWT_SECRET", bytes(this.properties.secret()));
		putIfSet(candidates, FILE_SOURCE, fileSecret());
		return candidates;
	}

	private static void putIfSet(Map<String, byte[]> candidates, String name, byte @Nullable [] value) {
		if (value != null) {
			candidates.put(name, value);
		}
	}

	private boolean mayGenerate() {
		return !this.properties.failOnInvalidConfig() && this.properties.generateDevSecret()
				&& SecretProvenance.isDevelopment(this.environment);
	}

	private void refuseIfWeak(String source, SecretPolicy.Assessment assessment) {
		if (!assessment.acceptable()) {
			throw new InvalidJwtConfigurationException(source + " is not a usable HS256 secret: "
					+ String.join("; ", assessment.problems()) + ". " + fix(source));
		}
	}

	/**
	 * What to do about a weak secret from {@code source}, in a sentence naming what to
	 * change.
	 */
	private String fix(String source) {
		String random = "at least " + MIN_SECRET_BYTES + " random bytes (for example: openssl rand -base64 48)";
		return switch (source) {
			case FILE_SOURCE ->
				"Put " + random + " in the file JWT_SECRET_FILE names, or set JWT_SECRET_FILE to another file.";
			case PREVIOUS_SOURCE ->
				"Remove it (tokens it signed stop validating), or set JWT_PREVIOUS_SECRET to a strong "
						+ "secret being rotated out.";
			case GENERATED_SOURCE -> "The development secret file " + this.developmentSecretFile.get()
					+ " was changed by hand: delete it to generate a new one, or set JWT_SECRET to " + random + ".";
			default -> "Replace it: set " + source + " to " + random + ".";
		};
	}

	private static byte @Nullable [] bytes(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? null : secret.getBytes(StandardCharsets.UTF_8);
	}

	/** A mounted secret file; one trailing line break is not part of the secret. */
	private byte @Nullable [] fileSecret() {
		String name = this.properties.secretFile();
		if (name == null || name.isBlank()) {
			return null;
		}
		Path file = Path.of(name);
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8);
			if (content.endsWith("\r\n")) {
				content = content.substring(0, content.length() - 2);
			}
			else if (content.endsWith("\n")) {
				content = content.substring(0, content.length() - 1);
			}
			return bytes(content);
		}
		catch (IOException ex) {
			if (this.properties.failOnInvalidConfig()) {
				throw new InvalidJwtConfigurationException("JWT_SECRET_FILE names " + file.toAbsolutePath()
						+ ", which cannot be read: " + ex.getClass().getSimpleName());
			}
			logger.warn("JWT_SECRET_FILE names {}, which cannot be read ({}); ignoring it", file.toAbsolutePath(),
					ex.getClass().getSimpleName());
			return null;
		}
	}

}
