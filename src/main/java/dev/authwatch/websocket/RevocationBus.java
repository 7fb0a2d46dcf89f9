package dev.authwatch.websocket;

/**
 * Carries revocations to every instance, so that a revoked user's or login's connections close
 * wherever they are open, not only on the instance that handled the revocation.
 */
@FunctionalInterface
public interface RevocationBus {

	/** One instance, nothing to tell (the memory store). */
	RevocationBus LOCAL = (revocation) -> {
	};

	void publish(Revocation revocation);

	/** What was revoked: every connection of a user, or of one login (refresh family / session). */
	record Revocation(Kind kind, String id) {

		public enum Kind {

			USER, FAMILY

		}

	}

}
