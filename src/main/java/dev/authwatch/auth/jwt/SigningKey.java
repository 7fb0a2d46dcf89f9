package dev.authwatch.auth.jwt;

import javax.crypto.SecretKey;

/**
 * An HS256 key and the key id derived from it.
 *
 * @param kid the key's fingerprint, published as the JWT {@code kid}; reveals nothing of the
 * secret
 */
public record SigningKey(String kid, SecretKey key) {

	@Override
	public String toString() {
		return "SigningKey[kid=" + this.kid + "]";
	}

}
