package dev.authwatch.jwthealth;

import org.jspecify.annotations.Nullable;

/**
 * What this instance knows of another one.
 *
 * @param peer the instance id (Redis) or base URL (configured peer)
 * @param via {@code redis} or {@code http}
 * @param keyId the peer's current key id, {@code null} when unknown
 * @param status {@code consistent}, {@code drift} or {@code unknown}
 * @param problem why the status is unknown, or why it is drift when the peer's key id is
 * unknown; else {@code null}
 */
public record PeerView(String peer, String via, @Nullable String keyId, String status, @Nullable String problem) {

	static final String CONSISTENT = "consistent";

	static final String DRIFT = "drift";

	static final String UNKNOWN = "unknown";

	/**
	 * An observation before it is compared with this instance's own key id.
	 *
	 * @param refusesOwnKey the peer refused this instance's proof as signed with a key it
	 * does not know
	 */
	record Observation(String peer, String via, @Nullable String keyId, @Nullable String problem,
			boolean refusesOwnKey) {

		static Observation answered(String peer, String via, @Nullable String keyId) {
			return new Observation(peer, via, keyId, (keyId != null) ? null : "it reports no usable key", false);
		}

		static Observation unknown(String peer, String via, String problem) {
			return new Observation(peer, via, null, problem, false);
		}

		static Observation refused(String peer, String via, String problem) {
			return new Observation(peer, via, null, problem, true);
		}

		PeerView compareWith(@Nullable String ownKeyId) {
			if (this.refusesOwnKey) {
				return new PeerView(this.peer, this.via, null, DRIFT, this.problem);
			}
			if (this.keyId == null || ownKeyId == null) {
				return new PeerView(this.peer, this.via, this.keyId, UNKNOWN,
						(this.problem != null) ? this.problem : "this instance has no usable key to compare");
			}
			return new PeerView(this.peer, this.via, this.keyId, this.keyId.equals(ownKeyId) ? CONSISTENT : DRIFT,
					null);
		}

	}

	boolean drift() {
		return DRIFT.equals(this.status);
	}

	boolean unknown() {
		return UNKNOWN.equals(this.status);
	}

}
