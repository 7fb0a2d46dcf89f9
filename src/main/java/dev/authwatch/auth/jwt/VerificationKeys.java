package dev.authwatch.auth.jwt;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The {@link Hs256Key}s of a key ring's keys, chosen by a token's {@code kid} as {@link JwtKeyRing#find} decides. */
final class VerificationKeys {

	private final JwtKeyRing keyRing;

	private final Map<String, Hs256Key> byKeyId = new HashMap<>();

	VerificationKeys(JwtKeyRing keyRing) {
		this.keyRing = keyRing;
		for (String kid : keyRing.keyIds()) {
			keyRing.find(kid).ifPresent((key) -> this.byKeyId.putIfAbsent(kid, new Hs256Key(key.key())));
		}
	}

	/** @return the key the token names (the current key if it names none), or {@code null} if the ring has no such key */
	@Nullable Hs256Key find(@Nullable String kid) {
		return this.keyRing.find(kid).map((key) -> this.byKeyId.get(key.kid())).orElse(null);
	}

}
