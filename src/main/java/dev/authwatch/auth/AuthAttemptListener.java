package dev.authwatch.auth;

/**
 * Receives every decision of the authentication chain. Called on the handshake thread:
 * must not block and should not allocate beyond what it keeps.
 */
@FunctionalInterface
public interface AuthAttemptListener {

	void onAttempt(AuthAttempt attempt);

}
