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
import org.jspecify.annotations.Nullable;

/**
 * Turns a provider's claims (introspection answer, JWT claims, userinfo) into a
 * principal:
 * <ul>
 * <li>the user id from {@code sub} (or {@code username} in an introspection answer): the
 * {@code subject-mapping} entry when there is one, otherwise the sub behind the
 * {@code subject-prefix} ({@code oauth:alice}), never a bare local username;</li>
 * <li>the roles: the provider roles of the configured claim (an array, or a
 * space-separated string such as {@code scope}) translated by {@code role-mapping},
 * unmapped ones dropped; the default roles when none maps;</li>
 * <li>{@code exp}.</li>
 * </ul>
 * Also the claim checks both validation paths share ({@code aud} must name the configured
 * audience exactly when one is configured).
 */
final class ProviderClaims {

	private static final int MAX_SUBJECT_LENGTH = 256;

	private final OAuthProperties properties;

	private final Clock clock;

	ProviderClaims(OAuthProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return an authenticated decision, or the client rejection the claims deserve
	 */
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
		if (audience != null && !audience.isBlank() && !audiences(claims.get("aud")).contains(audience)) {
			return AuthDecision.rejected(FailureReason.WRONG_AUDIENCE);
		}
		String subject = subject(claims);
		if (subject == null) {
			return AuthDecision.rejected(FailureReason.MALFORMED, "The provider's token names no subject (sub).");
		}
		Instant validUntil = (expiresAt != null) ? expiresAt : now.plus(this.properties.cacheTtl());
		return AuthDecision.authenticated(new AuthenticatedPrincipal(userId(subject), roles(claims), AuthMethod.OAUTH,
				validUntil, null, instant(claims.get("iat"))));
	}

	/** The AuthWatch user id of a provider subject (see the class comment). */
	String userId(String subject) {
		String mapped = this.properties.subjectMapping().get(subject);
		return (mapped != null) ? mapped : this.properties.subjectPrefix() + subject;
	}

	static @Nullable String subject(Map<String, Object> claims) {
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
		Set<String> roles = new LinkedHashSet<>();
		for (String providerRole : strings(claims.get(this.properties.rolesClaim()))) {
			String role = this.properties.roleMapping().get(providerRole);
			if (role != null) {
				roles.add(role);
			}
		}
		return roles.isEmpty() ? Set.copyOf(this.properties.defaultRoles()) : roles;
	}

	/**
	 * {@code aud} is one string or an array of strings (RFC 7519 §4.1.3), compared whole.
	 */
	private static Set<String> audiences(@Nullable Object claim) {
		return (claim instanceof String single) ? Set.of(single) : strings(claim);
	}

	private static Set<String> strings(@Nullable Object claim) {
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

	private static @Nullable Instant instant(Object value) {
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
