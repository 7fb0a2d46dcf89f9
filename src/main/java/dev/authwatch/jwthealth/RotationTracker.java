package dev.authwatch.jwthealth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A change of this service's own key id (a restart or reload with a new secret) is a
 * rotation: counted, timestamped, logged, published as an event and added to the
 * timeline.
 */
final class RotationTracker {

	private static final Logger logger = LoggerFactory.getLogger(RotationTracker.class);

	private final KeyStateStore store;

	private final Counter rotations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Epoch milliseconds of the last known rotation, 0 when none is known. */
	private final AtomicLong lastRotation = new AtomicLong();

	private @Nullable String knownKeyId;

	RotationTracker(KeyStateStore store, Counter rotations, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.rotations = rotations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Compares the key id in use with the one last recorded; safe to call at every check.
	 */
	synchronized void observe(String keyId) {
		if (keyId.equals(this.knownKeyId)) {
			return;
		}
		try {
			if (this.knownKeyId == null) {
				this.store.lastRotation().ifPresent((at) -> this.lastRotation.set(at.toEpochMilli()));
			}
			Optional<String> before = this.store.swapCurrentKeyId(keyId);
			if (before.isPresent() && !before.get().equals(keyId)) {
				Instant now = this.clock.instant();
				this.store.recordRotation(before.get(), keyId, now);
				this.lastRotation.set(now.toEpochMilli());
				this.rotations.increment();
				String message = "JWT secret rotated: key id " + before.get() + " -> " + keyId;
				logger.info(message);
				this.events.publishEvent(new JwtConfigEvent(JwtConfigEvent.ROTATION, message, now));
			}
			this.knownKeyId = keyId;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read or record the JWT key state ({}); rotation detection retries at the next check",
					ex.getClass().getSimpleName());
		}
	}

	@Nullable Instant lastRotation() {
		long millis = this.lastRotation.get();
		return (millis > 0) ? Instant.ofEpochMilli(millis) : null;
	}

	double lastRotationEpochSeconds() {
		return this.lastRotation.get() / 1000.0;
	}

}
