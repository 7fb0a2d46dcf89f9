package dev.authwatch.auth.jwt;

import java.security.MessageDigest;

import dev.authwatch.auth.FailureReason;
import org.jspecify.annotations.Nullable;

/**
 * The JWS layer of an access token, RFC 8725's rules: the header is read and its rules
 * enforced before any key or signature work (HS256 only, no unsecured tokens, no
 * extensions, no unencoded payload, no JWE parameters, no keys chosen or carried by the
 * token, RFC 9068's type), then the HMAC-SHA256 signature is checked, in constant time,
 * under the key the {@code kid} names. The payload is decoded but never read here. The
 * order of the checks is the order the jjwt-based validator had, so that a token breaking
 * several rules keeps its reason.
 */
final class Hs256JwsVerifier {

	private static final String ALGORITHM = "HS256";

	private static final String ACCESS_TOKEN_TYPE = "at+jwt";

	private static final String APPLICATION_PREFIX = "application/";

	private final JwtKeyRing keyRing;

	Hs256JwsVerifier(JwtKeyRing keyRing) {
		this.keyRing = keyRing;
	}

	/**
	 * @return the payload of a token whose header passes the rules and whose signature is
	 * valid
	 * @throws TokenRejectedException otherwise
	 */
	byte[] verify(CompactJws jws) {
		if (jws.containsWhitespace()) {
			throw TokenRejectedException.malformed();
		}
		byte[] headerJson = jws.header();
		if (headerJson == null) {
			throw TokenRejectedException.malformed();
		}
		JoseHeader header = JoseHeader.read(headerJson);
		String algorithm = header.algorithm();
		if (algorithm == null || algorithm.isBlank()) {
			throw TokenRejectedException.malformed();
		}
		if ("none".equalsIgnoreCase(algorithm)) {
			throw new TokenRejectedException(FailureReason.INVALID_SIGNATURE, "Unsigned tokens are not accepted.");
		}
		if (!jws.hasSignature()) {
			throw TokenRejectedException.malformed();
		}
		if (header.critical()) {
			throw new TokenRejectedException(FailureReason.MALFORMED,
					"The token names critical header extensions (crit); this service supports none.");
		}
		if (header.unencodedPayload()) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "Unencoded payloads (b64) are not accepted.");
		}
		byte[] payload = jws.payload();
		if (payload == null) {
			throw TokenRejectedException.malformed();
		}
		if (!ALGORITHM.equals(algorithm)) {
			throw new TokenRejectedException(FailureReason.INVALID_SIGNATURE, "The token must be signed with HS256.");
		}
		if (header.jweOnly()) {
			throw new TokenRejectedException(FailureReason.MALFORMED,
					"Encryption and compression parameters (enc, zip) have no place in a signed token.");
		}
		if (header.namesItsOwnKey()) {
			throw new TokenRejectedException(FailureReason.MALFORMED,
					"Tokens may not carry or point to their own keys.");
		}
		if (!isAccessTokenType(header.type())) {
			throw new TokenRejectedException(FailureReason.WRONG_TOKEN_TYPE, "The token type (typ) must be at+jwt.");
		}
		SigningKey key = this.keyRing.find(header.keyId()).orElse(null);
		if (key == null) {
			throw TokenRejectedException.claimingSubject(FailureReason.UNKNOWN_KEY,
					"The token was signed with a key this service does not know.");
		}
		if (!jws.signatureIsAlphabet()) {
			throw TokenRejectedException.malformed();
		}
		byte[] signature = jws.signature();
		if (signature == null
				|| !MessageDigest.isEqual(key.hmac().sign(jws.ascii(), jws.signingInputLength()), signature)) {
			throw TokenRejectedException.claimingSubject(FailureReason.INVALID_SIGNATURE,
					FailureReason.INVALID_SIGNATURE.defaultMessage());
		}
		if (header.hasContentType()) {
			// RFC 7515 leaves cty to the application: an access token's payload is its
			// claims, nothing else.
			throw TokenRejectedException.malformed();
		}
		return payload;
	}

	/**
	 * RFC 9068's {@code at+jwt}, compared as a media type (RFC 7515 §4.1.9):
	 * case-insensitively in ASCII only ({@link String#equalsIgnoreCase} would also match
	 * a dotless {@code ı}), with or without the {@code application/} prefix; no
	 * parameters, no spaces.
	 */
	private static boolean isAccessTokenType(@Nullable String type) {
		if (type == null) {
			return false;
		}
		int prefix = type.length() - ACCESS_TOKEN_TYPE.length();
		if (prefix != 0 && prefix != APPLICATION_PREFIX.length()) {
			return false;
		}
		return (prefix == 0 || asciiEqualsIgnoreCase(type, 0, APPLICATION_PREFIX))
				&& asciiEqualsIgnoreCase(type, prefix, ACCESS_TOKEN_TYPE);
	}

	/**
	 * Whether {@code text} holds {@code lowerCase} at {@code offset}, ignoring the case
	 * of ASCII letters only.
	 */
	private static boolean asciiEqualsIgnoreCase(String text, int offset, String lowerCase) {
		for (int i = 0; i < lowerCase.length(); i++) {
			char c = text.charAt(offset + i);
			if (((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c) != lowerCase.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
