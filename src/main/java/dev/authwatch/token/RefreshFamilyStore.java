package dev.authwatch.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Keeps refresh-token families and per-user revocations. Tokens arrive hashed.
 * Implementations make {@link #rotate} atomic: of any number of concurrent rotations of
 * one token, exactly one succeeds. Every method may throw
 * {@link dev.authwatch.auth.StoreUnavailableException}.
 */
public interface RefreshFamilyStore {

	/** Starts a family whose first (current) token expires at {@code tokenExpiresAt}. */
	void create(RefreshFamily family, String tokenHash, Instant tokenExpiresAt);

	/**
	 * Replaces the presented token by the next one if it is its family's current,
	 * unexpired token. Presenting an older token of the family revokes the family.
	 */
	Rotation rotate(String presentedHash, String nextHash, Instant nextExpiresAt, Instant now);

	/**
	 * Revokes the family of this token, current or not; {@code null} when the token is
	 * unknown.
	 */
	@Nullable RefreshFamily revokeByToken(String tokenHash);

	void revoke(String familyId);

	/** The roles the family's next access tokens carry (the user's roles changed). */
	void changeRoles(String familyId, Set<String> roles);

	/** Revokes every family of the user (password reset); returns their ids. */
	List<String> revokeAllOf(String userId);

	/**
	 * Voids every credential of the user issued before {@code before}, for
	 * {@code retention} (longer than any credential it voids lives). A later revocation
	 * of the same user only moves the instant forward.
	 */
	void revokeUser(String userId, Instant before, Duration retention);

	/**
	 * The store's standing of a credential, in one round trip.
	 * @param familyId the credential's family, or {@code null} when it has none
	 */
	Standing standing(@Nullable String familyId, String userId, Instant now);

	/**
	 * The store's standing of each credential, in the order given, in one round trip
	 * where the store has round trips.
	 */
	default List<Standing> standings(List<Credential> credentials, Instant now) {
		return credentials.stream()
			.map((credential) -> standing(credential.familyId(), credential.userId(), now))
			.toList();
	}

	/**
	 * The user's revocation as this instance knows it without asking a shared store:
	 * exact for the memory store, the revocations made or heard of here for Redis.
	 */
	@Nullable Instant knownUserRevocation(String userId);

	/**
	 * @param familyActive whether the family is active ({@code true} when the credential
	 * has none)
	 * @param userRevokedBefore credentials of the user issued before this instant are
	 * void; {@code null} when none are
	 */
	record Standing(boolean familyActive, @Nullable Instant userRevokedBefore) {
	}

	/** A credential whose standing is asked: its family (or none) and its user. */
	record Credential(@Nullable String familyId, String userId) {
	}

	sealed interface Rotation {

	}

	record Rotated(RefreshFamily family) implements Rotation {
	}

	/** The token was already used: the family is now revoked. */
	record Reused(RefreshFamily family) implements Rotation {
	}

	/** The family was revoked before (logout, reuse, password reset). */
	record Revoked(RefreshFamily family) implements Rotation {
	}

	/** Unknown or expired. */
	record Unknown() implements Rotation {
	}

}
