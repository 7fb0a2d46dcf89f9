package dev.authwatch.admin;

import dev.authwatch.auth.FailureReason;

import org.springframework.security.core.AuthenticationException;

/** The bearer token of an admin request was refused, for a reason of the taxonomy. */
final class AccessTokenRejectedException extends AuthenticationException {

	private final FailureReason reason;

	AccessTokenRejectedException(FailureReason reason, String message) {
		super(message);
		this.reason = reason;
	}

	FailureReason reason() {
		return this.reason;
	}

}
