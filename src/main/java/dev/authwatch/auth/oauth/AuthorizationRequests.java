package dev.authwatch.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Started OAuth logins, server-side: each {@code state} (32 random bytes) maps to its PKCE
 * verifier and to a browser binding (another 32 random bytes, sent to the browser as a cookie).
 * Only hashes of {@code state} and of the binding are kept. A state is redeemed at most once
 * (removed atomically, whether the binding matches or not) and lives {@code state-ttl}.
 */
final class AuthorizationRequests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

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
		String state = random();
		String verifier = random();
		String binding = random();
		this.pending.put(hex(state), new Pending(verifier, sha256(binding)));
		return new Started(state, challenge(verifier), binding);
	}

	/** @return the PKCE verifier when the state is known, unused, unexpired and bound to this browser */
	Optional<String> redeem(@Nullable String state, @Nullable String browserBinding) {
		if (state == null || state.isEmpty() || state.length() > 512 || browserBinding == null) {
			return Optional.empty();
		}
		Pending redeemed = this.pending.asMap().remove(hex(state));
		if (redeemed == null || !MessageDigest.isEqual(redeemed.bindingHash(), sha256(browserBinding))) {
			return Optional.empty();
		}
		return Optional.of(redeemed.codeVerifier());
	}

	/** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
	static String challenge(String verifier) {
		return BASE64URL.encodeToString(sha256(verifier));
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	private static String hex(String value) {
		return HexFormat.of().formatHex(sha256(value));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
