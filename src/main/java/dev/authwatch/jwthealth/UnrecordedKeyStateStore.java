package dev.authwatch.jwthealth;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Key state on the memory store when the data directory cannot be written: nothing is
 * kept, so every start looks like the first and no rotation is counted. The
 * {@code dataDir} health component is DOWN meanwhile; the key ring and authentication are
 * unaffected.
 */
final class UnrecordedKeyStateStore implements KeyStateStore {

	@Override
	public Optional<String> swapCurrentKeyId(String keyId) {
		return Optional.empty();
	}

	@Override
	public void recordRotation(@Nullable String fromKeyId, String toKeyId, Instant at) {
	}

	@Override
	public Optional<Instant> lastRotation() {
		return Optional.empty();
	}

}
