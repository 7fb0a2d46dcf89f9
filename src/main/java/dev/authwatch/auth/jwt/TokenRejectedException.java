package dev.authwatch.auth.jwt;

import dev.authwatch.auth.FailureReason;

/**
 * Why {@link AccessTokenValidator} refuses a token, carried out of the parsing and
 * checking code. Refusals are ordinary input, not faults, so no stack trace is captured.
 */
final class TokenRejectedException extends RuntimeException {

	private final FailureReason reason;

	private final boolean claimedSubjectWanted;

	TokenRejectedException(FailureReason reason, String message) {
		this(reason, message, false);
	}

	private TokenRejectedException(FailureReason reason, String message, boolean claimedSubjectWanted) {
		super(message, null, false, false);
		this.reason = reason;
		this.claimedSubjectWanted = claimedSubjectWanted;
	}

	static TokenRejectedException malformed() {
		return new TokenRejectedException(FailureReason.MALFORMED, FailureReason.MALFORMED.defaultMessage());
	}

	/**
	 * A refusal the monitor needs the token's (unverified) subject for, to tell key drift
	 * from one bad client.
	 */
	static TokenRejectedException claimingSubject(FailureReason reason, String message) {
		return new TokenRejectedException(reason, message, true);
	}

	FailureReason reason() {
		return this.reason;
	}

	boolean claimedSubjectWanted() {
		return this.claimedSubjectWanted;
	}

}
