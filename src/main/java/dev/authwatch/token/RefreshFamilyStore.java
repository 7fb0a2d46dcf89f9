package dev.authwatch.token;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Keeps refresh-token families. Tokens arrive hashed. Implementations make {@link #rotate} atomic:
 * of any number of concurrent rotations of one token, exactly one succeeds.
 * Every method may throw {@link dev.authwatch.store.StoreUnavailableException}.
 */
public interface RefreshFamilyStore {

	/** Starts a family whose first (current) token expires at {@code tokenExpiresAt}. */
	void create(RefreshFamily family, String tokenHash, Instant tokenExpiresAt);

	/**
	 * Replaces the presented token by the next one if it is its family's current, unexpired token.
	 * Presenting an older token of the family revokes the family.
	 */
	Rotation rotate(String presentedHash, String nextHash, Instant nextExpiresAt, Instant now);

	/** Revokes the family of this token, current or not; {@code null} when the token is unknown. */
	@Nullable RefreshFamily revokeByToken(String tokenHash);

	void revoke(String familyId);

	/** Whether the family exists, has not expired and is not revoked. */
	boolean isActive(String familyId, Instant now);

	/** Revokes every family of the user (password reset); returns their ids. */
	List<String> revokeAllOf(String userId);

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
