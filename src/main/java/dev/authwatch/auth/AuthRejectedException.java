package dev.authwatch.auth;

/** A REST authentication endpoint refuses the request; answered with {@link ErrorBody}. */
public class AuthRejectedException extends RuntimeException {

	private final FailureReason reason;

	public AuthRejectedException(FailureReason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public AuthRejectedException(FailureReason reason) {
		this(reason, reason.defaultMessage());
	}

	public FailureReason reason() {
		return this.reason;
	}

}
