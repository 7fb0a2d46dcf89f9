package dev.authwatch.auth.jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jsonwebtoken.security.Keys;
import org.jspecify.annotations.Nullable;

/**
 * The keys access tokens are verified with: the current key (also used to sign) and,
 * during a rotation, the previous one. Tokens name their key by {@code kid}; a token
 * without one is checked against the current key. When the configured secret is missing
 * or too short for HS256 the ring is <em>unusable</em>: it signs nothing and verifies
 * nothing, and says why.
 */
public final class JwtKeyRing {

	private final @Nullable SigningKey current;

	private final @Nullable SigningKey previous;

	private final SecretProvenance provenance;

	private JwtKeyRing(@Nullable SigningKey current, @Nullable SigningKey previous, SecretProvenance provenance) {
		this.current = current;
		this.previous = previous;
		this.provenance = provenance;
	}

	public static JwtKeyRing of(byte[] currentSecret, byte @Nullable [] previousSecret) {
		return of(currentSecret, previousSecret, "configured");
	}

	public static JwtKeyRing of(byte[] currentSecret, byte @Nullable [] previousSecret, String secretSource) {
		return from(new JwtSecretResolver.ResolvedSecrets(currentSecret, previousSecret,
				SecretProvenance.of(secretSource, currentSecret)));
	}

	/**
	 * A secret HS256 cannot use (missing or shorter than 32 bytes) leaves that slot
	 * empty.
	 */
	public static JwtKeyRing from(JwtSecretResolver.ResolvedSecrets secrets) {
		return new JwtKeyRing(toKey(secrets.current()), toKey(secrets.previous()), secrets.provenance());
	}

	private static @Nullable SigningKey toKey(byte @Nullable [] secret) {
		if (secret == null || secret.length < SecretPolicy.MIN_SECRET_BYTES) {
			return null;
		}
		return new SigningKey(KeyFingerprint.of(secret), Keys.hmacShaKeyFor(secret));
	}

	/**
	 * Where the current secret came from, e.g. {@code JWT_SECRET}; never the secret
	 * itself.
	 */
	public String secretSource() {
		return this.provenance.source();
	}

	public SecretProvenance provenance() {
		return this.provenance;
	}

	/** Whether there is a current key to sign and verify with. */
	public boolean usable() {
		return this.current != null;
	}

	/** Why the ring cannot sign, in a sentence naming the variable to fix. */
	public String unusableReason() {
		if (!this.provenance.available()) {
			return "no JWT secret is configured: set JWT_SECRET (or " + this.provenance.expectedSource()
					+ ") to at least " + SecretPolicy.MIN_SECRET_BYTES + " random bytes";
		}
		return this.provenance.source() + " is " + this.provenance.current().lengthBytes()
				+ " bytes long; HS256 needs at least " + SecretPolicy.MIN_SECRET_BYTES + " bytes";
	}

	/**
	 * @throws InvalidJwtConfigurationException when the ring is not {@link #usable()}
	 */
	public SigningKey current() {
		if (this.current == null) {
			throw new InvalidJwtConfigurationException("JWT signing is not configured: " + unusableReason());
		}
		return this.current;
	}

	public Optional<SigningKey> previous() {
		return Optional.ofNullable(this.previous);
	}

	/** The current key id (if usable) then the previous one (if any). */
	public List<String> keyIds() {
		List<String> ids = new ArrayList<>(2);
		if (this.current != null) {
			ids.add(this.current.kid());
		}
		if (this.previous != null) {
			ids.add(this.previous.kid());
		}
		return List.copyOf(ids);
	}

	/**
	 * The key for a token's {@code kid}, or the current key when the token names none.
	 */
	public Optional<SigningKey> find(@Nullable String kid) {
		if (this.current == null) {
			return Optional.empty();
		}
		if (kid == null || kid.equals(this.current.kid())) {
			return Optional.of(this.current);
		}
		if (this.previous != null && kid.equals(this.previous.kid())) {
			return Optional.of(this.previous);
		}
		return Optional.empty();
	}

}
