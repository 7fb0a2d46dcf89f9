package dev.authwatch.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to authentication or to a connection. Carries no personal data:
 * the user appears only as {@code userRef}, a keyed hash that is stable within this
 * process.
 *
 * @param sequence position in this instance's event log, increasing
 * @param method the authentication method, when one is involved
 * @param reason a taxonomy code for failures, a disconnect reason for disconnects,
 * {@code drift} or {@code rotation} for JWT configuration changes
 */
public record AuthEvent(long sequence, Instant at, Type type, Severity severity, @Nullable String method,
		@Nullable String reason, @Nullable String userRef) {

	public enum Type {

		AUTH_SUCCESS, AUTH_FAILURE, CONNECTED, DISCONNECTED, REVOKED,

		/** The JWT configuration drifted or rotated; {@code reason} says which. */
		JWT_CONFIG

	}

	public enum Severity {

		INFO, WARNING, ERROR

	}

}
