package dev.authwatch.auth.jwt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.hotpath.HotPathCaches;
import org.jspecify.annotations.Nullable;

/**
 * Access tokens this instance has already verified, so that a client reconnecting with
 * the same token (a reconnect storm after a deploy is the common case) skips the parsing
 * and checking, which cost several times the HMAC itself. Keyed by the SHA-256 of the
 * whole token: only the exact token that passed full validation can hit, and a lookup
 * compares digests, never token characters. A hit counts only while the token is
 * unexpired by the validator's clock; from its {@code exp} on, the token goes through
 * full validation again, so expiry and clock-skew rules stay {@link ClaimRules}'. Entries
 * are forgotten after {@link #MAX_AGE} whatever the token says.
 */
final class VerifiedTokens {

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private static final ThreadLocal<Sha256> SHA_256 = ThreadLocal.withInitial(Sha256::new);

	private record Digest(long a, long b, long c, long d) {
	}

	private final @Nullable Cache<Digest, AuthenticatedPrincipal> verified;

	private final Clock clock;

	/**
	 * @param capacity how many tokens to remember; 0 disables the cache
	 */
	VerifiedTokens(int capacity, Clock clock) {
		this.clock = clock;
		this.verified = (capacity > 0)
				? HotPathCaches.newBuilder().maximumSize(capacity).expireAfterWrite(MAX_AGE).build() : null;
	}

	/**
	 * @param token the token's characters as bytes
	 * @param validation the full validation, run unless the token was verified before and
	 * is unexpired; its principal is remembered, a {@link TokenRejectedException} it
	 * throws is not
	 */
	AuthenticatedPrincipal principal(byte[] token, Supplier<AuthenticatedPrincipal> validation) {
		if (this.verified == null) {
			return validation.get();
		}
		Digest digest = SHA_256.get().digest(token);
		AuthenticatedPrincipal known = this.verified.getIfPresent(digest);
		if (known != null && this.clock.instant().isBefore(known.expiresAt())) {
			return known;
		}
		AuthenticatedPrincipal principal = validation.get();
		this.verified.put(digest, principal);
		return principal;
	}

	/**
	 * A thread's SHA-256 and its output buffer, reused for every token the thread
	 * digests.
	 */
	private static final class Sha256 {

		private final MessageDigest digest;

		private final byte[] output = new byte[32];

		Sha256() {
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
			}
		}

		Digest digest(byte[] input) {
			this.digest.update(input);
			try {
				this.digest.digest(this.output, 0, this.output.length);
			}
			catch (DigestException ex) {
				throw new IllegalStateException("SHA-256 output does not fit 32 bytes", ex);
			}
			return new Digest((long) LONGS.get(this.output, 0), (long) LONGS.get(this.output, 8),
					(long) LONGS.get(this.output, 16), (long) LONGS.get(this.output, 24));
		}

	}

}
