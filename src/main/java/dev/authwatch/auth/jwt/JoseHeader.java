package dev.authwatch.auth.jwt;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import org.jspecify.annotations.Nullable;

/**
 * What AuthWatch's rules read of a JWS protected header. Every registered JWS member must have its
 * JSON type (RFC 7515 §4.1), even those that are then ignored or refused, so that a mistyped one is
 * {@code malformed} whatever else is wrong; {@code null} counts as absent; other members are ignored.
 *
 * @param hasCriticalExtensions {@code crit} names at least one extension
 * @param namesItsOwnKey one of {@code jku}, {@code jwk}, {@code x5u}, {@code x5c} is present
 */
record JoseHeader(@Nullable String algorithm, @Nullable String type, @Nullable String keyId, boolean hasContentType,
		boolean hasCriticalExtensions, boolean compressed, boolean namesItsOwnKey) {

	/** @throws TokenRejectedException {@code malformed} unless {@code json} is a well-formed, well-typed header */
	static JoseHeader read(byte[] json) {
		String algorithm = null;
		String type = null;
		String keyId = null;
		boolean hasContentType = false;
		boolean hasCriticalExtensions = false;
		boolean compressed = false;
		boolean namesItsOwnKey = false;
		try (JsonParser parser = StrictJson.parser(json)) {
			StrictJson.startObject(parser);
			for (String name = StrictJson.nextMember(parser); name != null; name = StrictJson.nextMember(parser)) {
				switch (name) {
					case "alg" -> algorithm = StrictJson.string(parser);
					case "typ" -> type = StrictJson.string(parser);
					case "kid" -> keyId = StrictJson.string(parser);
					case "crit" -> hasCriticalExtensions = !StrictJson.strings(parser).isEmpty();
					case "cty" -> {
						StrictJson.skipString(parser);
						hasContentType = true;
					}
					case "zip" -> {
						StrictJson.skipString(parser);
						compressed = true;
					}
					case "jku", "x5u" -> {
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
					case "x5t", "x5t#S256" -> StrictJson.skipString(parser);
					case "b64" -> StrictJson.skipBoolean(parser);
					default -> parser.skipChildren();
				}
			}
			StrictJson.expectEnd(parser);
		}
		catch (IOException ex) {
			throw TokenRejectedException.malformed();
		}
		return new JoseHeader(algorithm, type, keyId, hasContentType, hasCriticalExtensions, compressed, namesItsOwnKey);
	}

}
