package dev.authwatch.auth.oauth;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authwatch.crypto.Hashes;
import dev.authwatch.crypto.OpaqueTokens;
import org.jspecify.annotations.Nullable;

/**
 * Started OAuth logins, server-side: each {@code state} (32 random bytes) maps to its
 * PKCE verifier and to a browser binding (another 32 random bytes, sent to the browser as
 * a cookie). Only hashes of {@code state} and of the binding are kept. A state is
 * redeemed at most once (removed atomically, whether the binding matches or not) and
 * lives {@code state-ttl}.
 */
final class AuthorizationRequests {

	/** Caps pending logins so a flood of authorize requests cannot exhaust the heap. */
	private static final long MAX_PENDING = 100_000;

	private final Cache<String, Pending> pending;

	record Started(String state, String codeChallenge, String browserBinding) {

		@Override
		public String toString() {
			return "Started[...]";
		}

	}

	private record Pending(String codeVerifier, byte[] bindingHash) {
	}

	AuthorizationRequests(Duration ttl) {
		this.pending = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_PENDING).build();
	}

	Started start() {
		String state = OpaqueTokens.generate();
		String verifier = OpaqueTokens.generate();
		String binding = OpaqueTokens.generate();
		this.pending.put(Hashes.sha256(state), new Pending(verifier, Hashes.sha256Bytes(binding)));
		return new Started(state, challenge(verifier), binding);
	}

	/**
	 * @return the PKCE verifier when the state is known, unused, unexpired and bound to
	 * this browser
	 */
	Optional<String> redeem(@Nullable String state, @Nullable String browserBinding) {
		if (state == null || state.isEmpty() || state.length() > 512 || browserBinding == null) {
			return Optional.empty();
		}
		Pending redeemed = this.pending.asMap().remove(Hashes.sha256(state));
		if (redeemed == null || !MessageDigest.isEqual(redeemed.bindingHash(), Hashes.sha256Bytes(browserBinding))) {
			return Optional.empty();
		}
		return Optional.of(redeemed.codeVerifier());
	}

	/** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
	static String challenge(String verifier) {
		return OpaqueTokens.base64Url(Hashes.sha256Bytes(verifier));
	}

}
