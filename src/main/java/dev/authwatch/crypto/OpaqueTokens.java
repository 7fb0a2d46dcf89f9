package dev.authwatch.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * 256-bit random opaque tokens (never JWTs): refresh tokens, password-reset tokens,
 * tickets, CSRF tokens, OAuth states and verifiers. A store keeps only their
 * {@link #hash}.
 */
public final class OpaqueTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final int BYTES = 32;

	/** Base64url without padding of 32 bytes. */
	public static final int LENGTH = 43;

	private OpaqueTokens() {
	}

	public static String generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	/**
	 * Whether {@code token} could be one of {@link #generate()}'s: worth looking up at
	 * all.
	 */
	public static boolean isWellFormed(String token) {
		if (token.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
				return false;
			}
		}
		return true;
	}

	/** The key a token is stored under: base64url of its SHA-256. */
	public static String hash(String token) {
		return BASE64URL.encodeToString(Hashes.sha256Bytes(token));
	}

	/**
	 * The same encoding for a digest that is not a token's, e.g. an RFC 7636 code
	 * challenge.
	 */
	public static String base64Url(byte[] bytes) {
		return BASE64URL.encodeToString(bytes);
	}

}
