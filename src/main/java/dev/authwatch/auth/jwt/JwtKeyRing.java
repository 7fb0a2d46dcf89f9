package dev.authwatch.auth.jwt;

import java.util.List;
import java.util.Optional;

import io.jsonwebtoken.security.Keys;
import org.jspecify.annotations.Nullable;

/**
 * The keys access tokens are verified with: the current key (also used to sign) and, during a
 * rotation, the previous one. Tokens name their key by {@code kid}; a token without one is checked
 * against the current key.
 */
public final class JwtKeyRing {

	private final SigningKey current;

	private final @Nullable SigningKey previous;

	private final String secretSource;

	private JwtKeyRing(SigningKey current, @Nullable SigningKey previous, String secretSource) {
		this.current = current;
		this.previous = previous;
		this.secretSource = secretSource;
	}

	public static JwtKeyRing of(byte[] currentSecret, byte @Nullable [] previousSecret) {
		return of(currentSecret, previousSecret, "configured");
	}

	public static JwtKeyRing of(byte[] currentSecret, byte @Nullable [] previousSecret, String secretSource) {
		SigningKey previous = (previousSecret != null) ? toKey(previousSecret) : null;
		return new JwtKeyRing(toKey(currentSecret), previous, secretSource);
	}

	/** Where the current secret came from, e.g. {@code JWT_SECRET}; never the secret itself. */
	public String secretSource() {
		return this.secretSource;
	}

	private static SigningKey toKey(byte[] secret) {
		return new SigningKey(KeyFingerprint.of(secret), Keys.hmacShaKeyFor(secret));
	}

	public SigningKey current() {
		return this.current;
	}

	public Optional<SigningKey> previous() {
		return Optional.ofNullable(this.previous);
	}

	public List<String> keyIds() {
		return (this.previous != null) ? List.of(this.current.kid(), this.previous.kid()) : List.of(this.current.kid());
	}

	/** The key for a token's {@code kid}, or the current key when the token names none. */
	public Optional<SigningKey> find(@Nullable String kid) {
		if (kid == null || kid.equals(this.current.kid())) {
			return Optional.of(this.current);
		}
		if (this.previous != null && kid.equals(this.previous.kid())) {
			return Optional.of(this.previous);
		}
		return Optional.empty();
	}

}
