package dev.authwatch.auth.jwt;

import javax.crypto.SecretKey;

/**
 * An HS256 key, the key id derived from it, and the per-thread HMAC that verifies tokens
 * with it.
 */
public final class SigningKey {

	private final String kid;

	private final SecretKey key;

	private final Hs256Key hmac;

	/**
	 * @param kid the key's fingerprint, published as the JWT {@code kid}; reveals nothing
	 * of the secret
	 */
	SigningKey(String kid, SecretKey key) {
		this.kid = kid;
		this.key = key;
		this.hmac = new Hs256Key(key);
	}

	public String kid() {
		return this.kid;
	}

	public SecretKey key() {
		return this.key;
	}

	Hs256Key hmac() {
		return this.hmac;
	}

	@Override
	public String toString() {
		return "SigningKey[kid=" + this.kid + "]";
	}

}
