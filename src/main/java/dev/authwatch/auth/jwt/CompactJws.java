package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A token in JWS compact serialisation, {@code header.payload.signature}, held as the
 * ASCII bytes its signature covers. Only the split is checked here; each part's
 * characters are checked when it is decoded. A character outside ASCII becomes
 * {@code '?'}, which is in no part's alphabet.
 */
final class CompactJws {

	private final byte[] ascii;

	private final int firstDot;

	private final int secondDot;

	private CompactJws(byte[] ascii, int firstDot, int secondDot) {
		this.ascii = ascii;
		this.firstDot = firstDot;
		this.secondDot = secondDot;
	}

	/**
	 * @return the token's parts, or {@code null} unless it has exactly two dots, a header
	 * and a payload (the signature may be empty: an unsecured JWS)
	 */
	static @Nullable CompactJws split(String token) {
		int firstDot = token.indexOf('.');
		int secondDot = (firstDot < 0) ? -1 : token.indexOf('.', firstDot + 1);
		if (firstDot <= 0 || secondDot <= firstDot + 1 || token.indexOf('.', secondDot + 1) >= 0) {
			return null;
		}
		return new CompactJws(token.getBytes(StandardCharsets.US_ASCII), firstDot, secondDot);
	}

	/**
	 * Whether any part holds whitespace, which compact serialisation never does (RFC 7515
	 * §7.1).
	 */
	boolean containsWhitespace() {
		for (byte b : this.ascii) {
			if (b <= ' ' && Character.isWhitespace(b)) {
				return true;
			}
		}
		return false;
	}

	/** The whole token, the key of the verified-token cache. */
	byte[] ascii() {
		return this.ascii;
	}

	/**
	 * @return the decoded header, or {@code null} if it is not strict base64url
	 */
	byte @Nullable [] header() {
		return Base64Url.decode(this.ascii, 0, this.firstDot);
	}

	/**
	 * @return the decoded payload, or {@code null} if it is not strict base64url
	 */
	byte @Nullable [] payload() {
		return Base64Url.decode(this.ascii, this.firstDot + 1, this.secondDot);
	}

	boolean hasSignature() {
		return this.secondDot + 1 < this.ascii.length;
	}

	boolean signatureIsAlphabet() {
		return Base64Url.isAlphabet(this.ascii, this.secondDot + 1, this.ascii.length);
	}

	/**
	 * @return the decoded signature, or {@code null} if it is not strict base64url
	 */
	byte @Nullable [] signature() {
		return Base64Url.decode(this.ascii, this.secondDot + 1, this.ascii.length);
	}

	/**
	 * The length of the signing input, {@code header.payload}, at the start of
	 * {@link #ascii()}.
	 */
	int signingInputLength() {
		return this.secondDot;
	}

}
