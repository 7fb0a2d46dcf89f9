package dev.authwatch.auth.jwt;

import java.time.Instant;
import java.util.List;

import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;

/**
 * The claim rules of an AuthWatch access token (RFC 9068 profile), applied once the
 * signature holds. A token breaking several rules gets the reason of the first in this
 * order, the order the jjwt-based validator had: expiry, not-before, issuer, audience,
 * then the claims AuthWatch needs. {@code exp} and {@code nbf} are compared to the
 * millisecond, {@code iat} to the clock's precision.
 */
final class ClaimRules {

	private static final int MAX_SUBJECT_LENGTH = 256;

	private final String issuer;

	private final String audience;

	private final long clockSkewSeconds;

	ClaimRules(JwtProperties properties) {
		this.issuer = properties.issuer();
		this.audience = properties.audience();
		this.clockSkewSeconds = properties.clockSkew().toSeconds();
	}

	/**
	 * @throws TokenRejectedException if a rule is broken
	 */
	AuthenticatedPrincipal principal(AccessTokenClaims claims, Instant now) {
		long nowMillis = now.toEpochMilli();
		long skewMillis = this.clockSkewSeconds * 1000;
		Instant expiresAt = claims.expiresAt();
		if (expiresAt != null && nowMillis - skewMillis > expiresAt.toEpochMilli()) {
			throw rejected(FailureReason.EXPIRED);
		}
		Instant notBefore = claims.notBefore();
		if (notBefore != null && nowMillis + skewMillis < notBefore.toEpochMilli()) {
			throw rejected(FailureReason.NOT_YET_VALID);
		}
		if (!this.issuer.equals(claims.issuer())) {
			throw rejected(FailureReason.WRONG_ISSUER);
		}
		List<String> audience = claims.audience();
		if (audience == null || !audience.contains(this.audience)) {
			throw rejected(FailureReason.WRONG_AUDIENCE);
		}
		String subject = claims.subject();
		if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must name its subject (sub).");
		}
		if (expiresAt == null) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must carry an expiry (exp).");
		}
		Instant issuedAt = claims.issuedAt();
		if (issuedAt == null) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must carry its issue time (iat).");
		}
		if (issuedAt.isAfter(now.plusSeconds(this.clockSkewSeconds))) {
			throw new TokenRejectedException(FailureReason.NOT_YET_VALID, "The token was issued in the future (iat).");
		}
		String id = claims.id();
		if (id == null || id.isBlank()) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The token must carry an id (jti).");
		}
		if (claims.rolesMalformed()) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The roles claim must be an array of strings.");
		}
		if (claims.familyMalformed()) {
			throw new TokenRejectedException(FailureReason.MALFORMED, "The fid claim must be a short string.");
		}
		return new AuthenticatedPrincipal(subject, claims.roles(), AuthMethod.JWT, expiresAt, claims.family(),
				issuedAt);
	}

	private static TokenRejectedException rejected(FailureReason reason) {
		return new TokenRejectedException(reason, reason.defaultMessage());
	}

}
