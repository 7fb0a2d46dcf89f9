package dev.authwatch.websocket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Carries revocations to every instance, so that a revoked user's or login's connections
 * close wherever they are open, not only on the instance that handled the revocation.
 */
@FunctionalInterface
public interface RevocationBus {

	/** One instance, nothing to tell (the memory store). */
	RevocationBus LOCAL = (revocation) -> {
	};

	void publish(Revocation revocation);

	/**
	 * What was revoked: every connection of a user, or of one login (refresh family /
	 * session).
	 *
	 * @param before for a user, the instant before which its credentials are void, when
	 * known
	 */
	record Revocation(Kind kind, String id, @Nullable Instant before) {

		public Revocation(Kind kind, String id) {
			this(kind, id, null);
		}

		public enum Kind {

			USER, FAMILY

		}

	}

}
