package dev.authwatch.auth.jwt;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import org.jspecify.annotations.Nullable;

/**
 * What AuthWatch's rules read of a JWS protected header. Every header parameter
 * registered for JWS (RFC 7515 §4.1, RFC 7797 §3) and the JWE-only {@code enc} and
 * {@code zip} (RFC 7516 §4.1) must have its JSON type, even those that are then refused,
 * so that a mistyped one is {@code malformed} whatever else is wrong; for these a
 * {@code null} value is mistyped too, not absent. Parameters registered for neither are
 * ignored, as RFC 7515 §4 requires of parameters not understood.
 *
 * @param critical {@code crit} is present (no extension is understood, so any value is
 * refused)
 * @param unencodedPayload {@code b64} is present (RFC 7797: meaningful only with
 * {@code crit})
 * @param jweOnly {@code enc} or {@code zip} is present: a JWE header, or compression, on
 * a JWS
 * @param namesItsOwnKey one of {@code jku}, {@code jwk}, {@code x5u}, {@code x5c},
 * {@code x5t}, {@code x5t#S256} is present
 */
record JoseHeader(@Nullable String algorithm, @Nullable String type, @Nullable String keyId, boolean hasContentType,
		boolean critical, boolean unencodedPayload, boolean jweOnly, boolean namesItsOwnKey) {

	/**
	 * @throws TokenRejectedException {@code malformed} unless {@code json} is a
	 * well-formed, well-typed header
	 */
	static JoseHeader read(byte[] json) {
		String algorithm = null;
		String type = null;
		String keyId = null;
		boolean hasContentType = false;
		boolean critical = false;
		boolean unencodedPayload = false;
		boolean jweOnly = false;
		boolean namesItsOwnKey = false;
		try (JsonParser parser = StrictJson.parser(json)) {
			StrictJson.startObject(parser);
			for (String name = StrictJson.nextMemberIncludingNull(parser); name != null; name = StrictJson
				.nextMemberIncludingNull(parser)) {
				switch (name) {
					case "alg" -> algorithm = StrictJson.string(parser);
					case "typ" -> type = StrictJson.string(parser);
					case "kid" -> keyId = StrictJson.string(parser);
					case "crit" -> {
						StrictJson.skipStrings(parser);
						critical = true;
					}
					case "b64" -> {
						StrictJson.skipBoolean(parser);
						unencodedPayload = true;
					}
					case "cty" -> {
						StrictJson.skipString(parser);
						hasContentType = true;
					}
					case "enc", "zip" -> {
						StrictJson.skipString(parser);
						jweOnly = true;
					}
					case "jku", "x5u", "x5t", "x5t#S256" -> {
						StrictJson.skipString(parser);
						namesItsOwnKey = true;
					}
					case "x5c" -> {
						StrictJson.skipStrings(parser);
						namesItsOwnKey = true;
					}
					case "jwk" -> {
						StrictJson.skipObject(parser);
						namesItsOwnKey = true;
					}
					default -> parser.skipChildren();
				}
			}
			StrictJson.expectEnd(parser);
		}
		catch (IOException ex) {
			throw TokenRejectedException.malformed();
		}
		return new JoseHeader(algorithm, type, keyId, hasContentType, critical, unencodedPayload, jweOnly,
				namesItsOwnKey);
	}

}
