package dev.authwatch.token;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps password-reset tokens, hashed, until used or expired. Every method may throw
 * {@link dev.authwatch.auth.StoreUnavailableException}.
 */
public interface ResetTokenStore {

	void save(String tokenHash, String username, Duration ttl);

	/** Removes and returns the username atomically: a token is used at most once. */
	Optional<String> take(String tokenHash);

}
