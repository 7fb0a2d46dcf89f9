package dev.authwatch.jwthealth;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Remembers this service's current key id across restarts, so a change is recognised as a
 * rotation, and keeps the rotation timeline: Redis when the store is Redis, else a local file.
 */
interface KeyStateStore {

	/** Atomically records the current key id and returns the one recorded before, if any. */
	Optional<String> swapCurrentKeyId(String keyId);

	void recordRotation(@Nullable String fromKeyId, String toKeyId, Instant at);

	Optional<Instant> lastRotation();

}
