package dev.authwatch.jwthealth;

import java.time.Instant;
import java.util.Optional;

import dev.authwatch.datadir.DataDirectory;
import dev.authwatch.datadir.DataFile;
import org.jspecify.annotations.Nullable;

/**
 * Remembers this service's current key id across restarts, so a change is recognised as a
 * rotation, and keeps the rotation timeline: Redis when the store is Redis, else a local
 * file.
 */
public interface KeyStateStore {

	/**
	 * Atomically records the current key id and returns the one recorded before, if any.
	 */
	Optional<String> swapCurrentKeyId(String keyId);

	void recordRotation(@Nullable String fromKeyId, String toKeyId, Instant at);

	Optional<Instant> lastRotation();

	/**
	 * A file in the data directory; without a writable one, nothing (only rotation
	 * detection across restarts is lost).
	 */
	static KeyStateStore inDataDirectory(DataDirectory dataDirectory) {
		return dataDirectory.ifWritable(DataFile.JWT_KEY_STATE)
			.<KeyStateStore>map(FileKeyStateStore::new)
			.orElseGet(UnrecordedKeyStateStore::new);
	}

}
