package dev.authwatch.auth.jwt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authwatch.auth.AuthenticatedPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * Access tokens this instance has already verified, so that a client reconnecting with the same
 * token (a reconnect storm after a deploy is the common case) skips jjwt's parse, which costs about
 * 30 times the HMAC itself (docs/benchmarks.md). Keyed by the SHA-256 of the whole token: only the
 * exact token that passed full validation can hit, and a lookup compares digests, never token
 * characters. A hit counts only while the token is unexpired by the validator's clock; from its
 * {@code exp} on, the token goes through full validation again, so expiry and clock-skew rules stay
 * jjwt's. Entries are forgotten after {@link #MAX_AGE} whatever the token says.
 */
final class VerifiedTokens {

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private record Digest(long a, long b, long c, long d) {
	}

	private final @Nullable Cache<Digest, AuthenticatedPrincipal> verified;

	private final Clock clock;

	/** @param capacity how many tokens to remember; 0 disables the cache */
	VerifiedTokens(int capacity, Clock clock) {
		this.clock = clock;
		this.verified = (capacity > 0) ? Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(MAX_AGE).build() : null;
	}

	@Nullable AuthenticatedPrincipal get(String token) {
		if (this.verified == null) {
			return null;
		}
		AuthenticatedPrincipal principal = this.verified.getIfPresent(digest(token));
		return (principal != null && this.clock.instant().isBefore(principal.expiresAt())) ? principal : null;
	}

	void put(String token, AuthenticatedPrincipal principal) {
		if (this.verified != null) {
			this.verified.put(digest(token), principal);
		}
	}

	private static Digest digest(String token) {
		try {
			ByteBuffer sha = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
			return new Digest(sha.getLong(), sha.getLong(), sha.getLong(), sha.getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
