package dev.authwatch.auth;

import org.jspecify.annotations.Nullable;

/**
 * Receives each step of one traced run of the {@link AuthenticationChain}: the origin
 * check, then every authenticator asked, with its verdict and the time it took. Only the
 * admin's test connection traces a handshake (see {@link HandshakeTraces}); ordinary
 * handshakes take the untraced path.
 */
@FunctionalInterface
public interface ChainTrace {

	/** The step of the origin check. */
	String ORIGIN = "origin";

	/** Reports nowhere: the trace of every ordinary handshake. */
	ChainTrace NONE = (step, verdict, reason, nanos) -> {
	};

	/**
	 * @param step {@link #ORIGIN} or a method code such as {@code jwt}
	 * @param verdict {@code allowed}, {@code not_mine}, {@code authenticated} or
	 * {@code rejected}
	 * @param reason the taxonomy reason of a rejection
	 * @param nanos time the step took
	 */
	void step(String step, String verdict, @Nullable FailureReason reason, long nanos);

}
