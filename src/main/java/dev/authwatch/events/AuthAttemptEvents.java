package dev.authwatch.events;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthAttemptListener;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;

/**
 * Turns every chain decision into an event: successes as info, client rejections as
 * warnings, system failures as errors.
 */
final class AuthAttemptEvents implements AuthAttemptListener {

	private final AuthEventLog log;

	AuthAttemptEvents(AuthEventLog log) {
		this.log = log;
	}

	@Override
	public void onAttempt(AuthAttempt attempt) {
		String method = (attempt.method() != null) ? attempt.method().code() : null;
		if (attempt.principal() != null) {
			this.log.publish(Type.AUTH_SUCCESS, Severity.INFO, method, null, attempt.principal().userId());
			return;
		}
		FailureReason failure = attempt.failure();
		Severity severity = (failure != null && failure.isSystemFailure()) ? Severity.ERROR : Severity.WARNING;
		// A rejected token's subject is unverified, but it is what an admin looking up
		// that user wants to see.
		this.log.publish(Type.AUTH_FAILURE, severity, method, (failure != null) ? failure.code() : null,
				attempt.claimedSubject());
	}

}
