package dev.authwatch.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of strings (UTF-8): store keys and cache keys that name no user id and
 * no token.
 */
public final class Hashes {

	private Hashes() {
	}

	/** Lower-case hex, e.g. for a Redis key name. */
	public static String sha256(String value) {
		return HexFormat.of().formatHex(sha256Bytes(value));
	}

	public static byte[] sha256Bytes(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
