package dev.authwatch.auth.jwt;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.jspecify.annotations.Nullable;

/**
 * The claims of an access token whose signature has been verified. The registered claims
 * must have their JSON types (RFC 7519 §4.1) or the token is {@code malformed} at once;
 * AuthWatch's own claims ({@code roles}, {@code fid}) are checked as they are read but
 * refused only by {@link ClaimRules}, after the registered ones. {@code null} counts as
 * absent; other claims are ignored.
 *
 * @param audience {@code aud}: one string or an array of strings
 * @param roles {@code roles}, empty when absent or malformed
 * @param rolesMalformed {@code roles} is present but not an array of non-blank strings
 * @param familyMalformed {@code fid} is present but not a non-blank string of at most
 * {@value #MAX_FAMILY_LENGTH} characters
 */
record AccessTokenClaims(@Nullable String issuer, @Nullable List<String> audience, @Nullable String subject,
		@Nullable String id, @Nullable Instant expiresAt, @Nullable Instant notBefore, @Nullable Instant issuedAt,
		Set<String> roles, boolean rolesMalformed, @Nullable String family, boolean familyMalformed) {

	static final int MAX_FAMILY_LENGTH = 64;

	/**
	 * A NumericDate is a JSON number of seconds (RFC 7519 §2); fractions are dropped, as
	 * jjwt did. The bound keeps milliseconds within a long: jjwt's overflow turned larger
	 * values into arbitrary dates.
	 */
	private static final long MAX_SECONDS = Long.MAX_VALUE / 1000;

	/**
	 * @throws TokenRejectedException {@code malformed} unless {@code json} is a
	 * well-formed object with well-typed registered claims
	 */
	static AccessTokenClaims read(byte[] json) {
		String issuer = null;
		List<String> audience = null;
		String subject = null;
		String id = null;
		Instant expiresAt = null;
		Instant notBefore = null;
		Instant issuedAt = null;
		Set<String> roles = Set.of();
		boolean rolesMalformed = false;
		String family = null;
		boolean familyMalformed = false;
		try (JsonParser parser = StrictJson.parser(json)) {
			StrictJson.startObject(parser);
			for (String name = StrictJson.nextMember(parser); name != null; name = StrictJson.nextMember(parser)) {
				switch (name) {
					case "iss" -> issuer = StrictJson.string(parser);
					case "aud" -> audience = (parser.currentToken() == JsonToken.VALUE_STRING)
							? List.of(parser.getText()) : StrictJson.strings(parser);
					case "sub" -> subject = StrictJson.string(parser);
					case "jti" -> id = StrictJson.string(parser);
					case "exp" -> expiresAt = numericDate(parser);
					case "nbf" -> notBefore = numericDate(parser);
					case "iat" -> issuedAt = numericDate(parser);
					case AccessTokenValidator.ROLES_CLAIM -> {
						Set<String> values = roles(parser);
						rolesMalformed = (values == null);
						roles = (values != null) ? values : Set.of();
					}
					case AccessTokenValidator.FAMILY_CLAIM -> {
						family = family(parser);
						familyMalformed = (family == null);
					}
					default -> parser.skipChildren();
				}
			}
			StrictJson.expectEnd(parser);
		}
		catch (IOException ex) {
			throw TokenRejectedException.malformed();
		}
		return new AccessTokenClaims(issuer, audience, subject, id, expiresAt, notBefore, issuedAt, roles,
				rolesMalformed, family, familyMalformed);
	}

	private static Instant numericDate(JsonParser parser) throws IOException {
		long seconds;
		if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
				&& parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			seconds = parser.getLongValue();
		}
		else if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
				&& Math.abs(parser.getDoubleValue()) < MAX_SECONDS) {
			seconds = (long) parser.getDoubleValue();
		}
		else {
			throw TokenRejectedException.malformed();
		}
		if (seconds < -MAX_SECONDS || seconds > MAX_SECONDS) {
			throw TokenRejectedException.malformed();
		}
		return Instant.ofEpochMilli(seconds * 1000);
	}

	/**
	 * @return the roles, or {@code null} if the value is not an array of non-blank
	 * strings (read to its end either way)
	 */
	private static @Nullable Set<String> roles(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return null;
		}
		Set<String> roles = new HashSet<>();
		boolean wellFormed = true;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (parser.currentToken() == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
				roles.add(parser.getText());
			}
			else {
				wellFormed = false;
				parser.skipChildren();
			}
		}
		return wellFormed ? roles : null;
	}

	/**
	 * @return the family id, or {@code null} if the value is not a short non-blank string
	 * (read to its end either way)
	 */
	private static @Nullable String family(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			parser.skipChildren();
			return null;
		}
		String family = parser.getText();
		return (family.isBlank() || family.length() > MAX_FAMILY_LENGTH) ? null : family;
	}

}
