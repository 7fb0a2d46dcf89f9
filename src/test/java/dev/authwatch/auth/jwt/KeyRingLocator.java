package dev.authwatch.auth.jwt;

import java.security.Key;

import dev.authwatch.auth.FailureReason;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;

/**
 * The jjwt key locator of {@link JjwtAccessTokenValidator}, the test oracle: chooses the
 * verification key and enforces the header rules of RFC 8725 before any signature or
 * payload work: the algorithm is pinned to HS256, the type must be an access token (RFC
 * 9068), and headers that would make the token choose its own key, extensions or
 * compression are refused.
 */
final class KeyRingLocator extends LocatorAdapter<Key> {

	static final String ALGORITHM = "HS256";

	private final JwtKeyRing keyRing;

	KeyRingLocator(JwtKeyRing keyRing) {
		this.keyRing = keyRing;
	}

	@Override
	protected Key locate(ProtectedHeader header) {
		if (!(header instanceof JwsHeader)) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "Only signed tokens (JWS) are accepted.");
		}
		if (!ALGORITHM.equals(header.getAlgorithm())) {
			throw new TokenRejectedException(FailureReason.INVALID_SIGNATURE, "The token must be signed with HS256.");
		}
		if (header.getCritical() != null && !header.getCritical().isEmpty()) {
			throw new TokenRejectedException(FailureReason.MALFORMED,
					"The token names critical header extensions this service does not support.");
		}
		if (header.getCompressionAlgorithm() != null) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "Compressed tokens are not accepted.");
		}
		if (header.getJwkSetUrl() != null || header.getJwk() != null || header.getX509Url() != null
				|| header.getX509Chain() != null) {
			throw new TokenRejectedException(FailureReason.MALFORMED,
					"Tokens may not carry or point to their own keys.");
		}
		if (!isAccessTokenType(header.getType())) {
			throw new TokenRejectedException(FailureReason.WRONG_TOKEN_TYPE, "The token type (typ) must be at+jwt.");
		}
		return this.keyRing.find(header.getKeyId())
			.orElseThrow(() -> new TokenRejectedException(FailureReason.UNKNOWN_KEY,
					"The token was signed with a key this service does not know."))
			.key();
	}

	private static boolean isAccessTokenType(String type) {
		return "at+jwt".equalsIgnoreCase(type) || "application/at+jwt".equalsIgnoreCase(type);
	}

}
