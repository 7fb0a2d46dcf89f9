package dev.authwatch.auth.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the signing secret: {@code JWT_SECRET} when set; otherwise, unless the configuration
 * demands a real secret, a generated development secret kept in a local file (so the server and
 * the {@code token} command agree) with a loud warning. A secret HS256 cannot use stops startup.
 */
public final class JwtSecretResolver {

	/** HS256 needs a key of at least 256 bits (RFC 7518 §3.2; jjwt enforces it). */
	public static final int MIN_SECRET_BYTES = 32;

	public static final String GENERATED_SOURCE = "generated-development-secret";

	private static final Logger logger = LoggerFactory.getLogger(JwtSecretResolver.class);

	private final JwtProperties properties;

	public JwtSecretResolver(JwtProperties properties) {
		this.properties = properties;
	}

	public record ResolvedSecrets(byte[] current, byte @Nullable [] previous, String source) {
	}

	public ResolvedSecrets resolve() {
		byte[] previous = validated(this.properties.previousSecret(), "JWT_PREVIOUS_SECRET (authwatch.jwt.previous-secret)");
		byte[] configured = validated(this.properties.secret(), "JWT_SECRET (authwatch.jwt.secret)");
		if (configured != null) {
			return new ResolvedSecrets(configured, previous, "JWT_SECRET");
		}
		if (this.properties.failOnInvalidConfig()) {
			throw new InvalidJwtConfigurationException("JWT_SECRET is not set and authwatch.jwt.fail-on-invalid-config "
					+ "is true: set JWT_SECRET to at least " + MIN_SECRET_BYTES + " random bytes");
		}
		return new ResolvedSecrets(developmentSecret(), previous, GENERATED_SOURCE);
	}

	private static byte @Nullable [] validated(@Nullable String secret, String name) {
		if (secret == null || secret.isEmpty()) {
			return null;
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new InvalidJwtConfigurationException(name + " is " + bytes.length + " bytes long; HS256 needs at least "
					+ MIN_SECRET_BYTES + " bytes (for example: openssl rand -base64 48)");
		}
		return bytes;
	}

	private byte[] developmentSecret() {
		Path file = this.properties.devSecretFile();
		try {
			if (!Files.exists(file)) {
				writeNewSecret(file);
			}
			byte[] secret = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
			warnLoudly(file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the development JWT secret at " + file.toAbsolutePath()
					+ "; set JWT_SECRET instead", ex);
		}
	}

	private static void writeNewSecret(Path file) throws IOException {
		byte[] random = new byte[48];
		new SecureRandom().nextBytes(random);
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, encoded + "\n", StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the file keeps the platform's default permissions.
		}
	}

	private static void warnLoudly(Path file) {
		logger.warn("""

				************************************************************************
				*  JWT_SECRET is not set: using a GENERATED DEVELOPMENT SECRET kept in
				*  {}
				*  Tokens signed with it are worthless outside this machine. Never run
				*  like this in production: set JWT_SECRET (>= 32 random bytes) or run
				*  with the 'prod' profile, which refuses to start without it.
				************************************************************************""", file.toAbsolutePath());
	}


}
