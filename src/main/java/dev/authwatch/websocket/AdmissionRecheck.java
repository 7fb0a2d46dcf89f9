package dev.authwatch.websocket;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.jwt.Admission;

/**
 * Checks a connection's credential against the store once more after the connection
 * became reachable by revocations (registered, or reauthenticated with a new credential).
 * A revocation writes the store and then closes the registered connections; a connection
 * is registered and then checked here; so a credential revoked while its handshake was in
 * flight is either seen here or its connection is seen by the revocation, and is closed
 * with 4003 either way.
 * <p>
 * The check runs on its own threads, after the upgrade: with Redis it costs a round trip,
 * which must not lengthen the handshake. If the store cannot answer, the connection stays
 * (the store could not have recorded a revocation either).
 */
final class AdmissionRecheck {

	private final Admission admission;

	private final Executor executor;

	AdmissionRecheck(Admission admission, Executor executor) {
		this.admission = admission;
		this.executor = executor;
	}

	void check(ChatConnection connection) {
		AuthenticatedPrincipal principal = connection.principal();
		try {
			this.executor.execute(() -> closeIfRevoked(connection, principal));
		}
		catch (RejectedExecutionException ex) {
			// More connections than the checks keep up with: check on the caller's thread
			// rather than not at all.
			closeIfRevoked(connection, principal);
		}
	}

	private void closeIfRevoked(ChatConnection connection, AuthenticatedPrincipal principal) {
		AuthDecision.Rejected rejected = this.admission.recheck(principal);
		if (rejected != null && rejected.reason() == FailureReason.REVOKED) {
			connection.close(ConnectionRegistry.REVOKED, DisconnectReason.REVOKED);
		}
	}

}
