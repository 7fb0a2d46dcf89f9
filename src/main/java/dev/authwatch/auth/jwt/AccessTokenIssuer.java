package dev.authwatch.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;

/**
 * Mints AuthWatch access tokens (RFC 9068 profile) signed with the current key of the
 * ring.
 */
public final class AccessTokenIssuer {

	private final JwtKeyRing keyRing;

	private final JwtProperties properties;

	private final Clock clock;

	public AccessTokenIssuer(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		this.keyRing = keyRing;
		this.properties = properties;
		this.clock = clock;
	}

	public record IssuedToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedToken[expiresAt=" + this.expiresAt + "]";
		}

	}

	/** The configured access-token lifetime ({@code authwatch.jwt.access-token-ttl}). */
	public Duration defaultTtl() {
		return this.properties.accessTokenTtl();
	}

	public IssuedToken issue(String subject, Collection<String> roles) {
		return issue(subject, roles, this.properties.accessTokenTtl());
	}

	public IssuedToken issue(String subject, Collection<String> roles, Duration ttl) {
		return issue(subject, roles, ttl, null);
	}

	/**
	 * @param familyId the refresh-token family the token belongs to, carried as the
	 * {@code fid} claim so that revoking the family can close the token's connections
	 */
	public IssuedToken issue(String subject, Collection<String> roles, Duration ttl, @Nullable String familyId) {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("token lifetime must be positive");
		}
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(ttl);
		SigningKey key = this.keyRing.current();
		JwtBuilder builder = Jwts.builder()
			.header()
			.type("at+jwt")
			.keyId(key.kid())
			.and()
			.issuer(this.properties.issuer())
			.audience()
			.add(this.properties.audience())
			.and()
			.subject(subject)
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.id(UUID.randomUUID().toString())
			.claim(AccessTokenValidator.ROLES_CLAIM, List.copyOf(roles));
		if (familyId != null) {
			builder.claim(AccessTokenValidator.FAMILY_CLAIM, familyId);
		}
		String token = builder.signWith(key.key(), Jwts.SIG.HS256).compact();
		return new IssuedToken(token, expiresAt);
	}

}
