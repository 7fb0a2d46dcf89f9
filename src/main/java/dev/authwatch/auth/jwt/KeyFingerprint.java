package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a public key id from a secret: HMAC-SHA256 of a fixed label keyed by the
 * secret, truncated to 96 bits. Unlike a plain hash it cannot be checked against guessed
 * secrets without computing an HMAC per guess under each candidate, and it is useless for
 * forging tokens.
 */
public final class KeyFingerprint {

	private static final byte[] LABEL = "authwatch/jwt-key-id/v1".getBytes(StandardCharsets.US_ASCII);

	private KeyFingerprint() {
	}

	public static String of(byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] digest = mac.doFinal(LABEL);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
