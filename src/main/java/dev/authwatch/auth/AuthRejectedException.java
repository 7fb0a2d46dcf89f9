package dev.authwatch.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A REST authentication endpoint refuses the request; answered with
 * {@link dev.authwatch.errors.ErrorBody}.
 */
public class AuthRejectedException extends RuntimeException {

	private final FailureReason reason;

	private final @Nullable Duration retryAfter;

	public AuthRejectedException(FailureReason reason, String message) {
		this(reason, message, null);
	}

	/**
	 * @param retryAfter when the client may try again, sent as {@code Retry-After} (e.g.
	 * rate limits)
	 */
	public AuthRejectedException(FailureReason reason, String message, @Nullable Duration retryAfter) {
		super(message, null, false, false);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	public AuthRejectedException(FailureReason reason) {
		this(reason, reason.defaultMessage());
	}

	public FailureReason reason() {
		return this.reason;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
