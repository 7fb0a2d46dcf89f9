package dev.authwatch.auth.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated development secret: 48 random bytes kept owner-only in the data
 * directory, so that the server and the {@code token} command agree; announced with a
 * loud warning every time it is used.
 */
final class DevelopmentSecretFile {

	private static final Logger logger = LoggerFactory.getLogger(DevelopmentSecretFile.class);

	private DevelopmentSecretFile() {
	}

	static byte[] readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				writeNewSecret(file);
			}
			byte[] secret = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
			warnLoudly(file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the development JWT secret at "
					+ file.toAbsolutePath() + "; set JWT_SECRET instead", ex);
		}
	}

	private static void writeNewSecret(Path file) throws IOException {
		byte[] random = new byte[48];
		new SecureRandom().nextBytes(random);
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
