package dev.authwatch.auth.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;

/**
 * Turns a provider's claims (introspection answer, JWT claims, userinfo) into a principal:
 * {@code sub} (or {@code username} in an introspection answer), roles from the configured claim
 * (an array, or a space-separated string such as {@code scope}), the default roles when the
 * claim is absent, and {@code exp}. Also the claim checks both validation paths share.
 */
final class ProviderClaims {

	private static final int MAX_SUBJECT_LENGTH = 256;

	private final OAuthProperties properties;

	private final Clock clock;

	ProviderClaims(OAuthProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** @return an authenticated decision, or the client rejection the claims deserve */
	AuthDecision toDecision(Map<String, Object> claims) {
		Instant now = this.clock.instant();
		Duration skew = this.properties.clockSkew();
		Instant expiresAt = instant(claims.get("exp"));
		if (expiresAt != null && !now.minus(skew).isBefore(expiresAt)) {
			return AuthDecision.rejected(FailureReason.EXPIRED);
		}
		Instant notBefore = instant(claims.get("nbf"));
		if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
			return AuthDecision.rejected(FailureReason.NOT_YET_VALID);
		}
		String issuer = this.properties.issuer();
		Object tokenIssuer = claims.get("iss");
		if (issuer != null && !issuer.isBlank() && tokenIssuer != null && !issuer.equals(String.valueOf(tokenIssuer))) {
			return AuthDecision.rejected(FailureReason.WRONG_ISSUER);
		}
		String audience = this.properties.audience();
		if (audience != null && !audience.isBlank() && !strings(claims.get("aud")).contains(audience)) {
			return AuthDecision.rejected(FailureReason.WRONG_AUDIENCE);
		}
		String subject = subject(claims);
		if (subject == null) {
			return AuthDecision.rejected(FailureReason.MALFORMED, "The provider's token names no subject (sub).");
		}
		Instant validUntil = (expiresAt != null) ? expiresAt : now.plus(this.properties.cacheTtl());
		return AuthDecision.authenticated(new AuthenticatedPrincipal(subject, roles(claims), AuthMethod.OAUTH, validUntil));
	}

	static @org.jspecify.annotations.Nullable String subject(Map<String, Object> claims) {
		Object subject = claims.get("sub");
		if (subject == null) {
			subject = claims.get("username");
		}
		if (!(subject instanceof String value) || value.isBlank() || value.length() > MAX_SUBJECT_LENGTH) {
			return null;
		}
		return value;
	}

	Set<String> roles(Map<String, Object> claims) {
		Object claim = claims.get(this.properties.rolesClaim());
		if (claim == null) {
			return Set.copyOf(this.properties.defaultRoles());
		}
		return strings(claim);
	}

	private static Set<String> strings(Object claim) {
		Collection<?> values = (claim instanceof String text) ? List.of(text.trim().split("\\s+"))
				: (claim instanceof Collection<?> collection) ? collection : List.of();
		Set<String> result = new LinkedHashSet<>();
		for (Object value : values) {
			if (value instanceof String string && !string.isBlank()) {
				result.add(string);
			}
		}
		return result;
	}

	private static @org.jspecify.annotations.Nullable Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		if (value instanceof Number number) {
			return Instant.ofEpochSecond(number.longValue());
		}
		return null;
	}

}
