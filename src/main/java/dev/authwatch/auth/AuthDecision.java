package dev.authwatch.auth;

import org.jspecify.annotations.Nullable;

/** What one authenticator concluded about a request. */
public sealed interface AuthDecision {

	/**
	 * The request carries no credential of this authenticator's kind; the chain asks the
	 * next one.
	 */
	static AuthDecision notMine() {
		return NotMine.INSTANCE;
	}

	static AuthDecision authenticated(AuthenticatedPrincipal principal) {
		return new Authenticated(principal);
	}

	static AuthDecision rejected(FailureReason reason, String message) {
		return new Rejected(reason, message);
	}

	static AuthDecision rejected(FailureReason reason) {
		return new Rejected(reason, reason.defaultMessage());
	}

	/**
	 * A rejection of a credential that names its user, e.g. a token whose signature
	 * failed.
	 */
	static AuthDecision rejectedClaiming(FailureReason reason, @Nullable String claimedSubject) {
		return new Rejected(reason, reason.defaultMessage(), claimedSubject);
	}

	enum NotMine implements AuthDecision {

		INSTANCE

	}

	record Authenticated(AuthenticatedPrincipal principal) implements AuthDecision {
	}

	/**
	 * @param message a sentence for the client; never contains the credential
	 * @param claimedSubject the user the rejected credential claims to be,
	 * <b>unverified</b> and attacker-controlled: for monitoring (distinct users behind
	 * signature failures) only, never logged, returned or used as a metric label
	 */
	record Rejected(FailureReason reason, String message, @Nullable String claimedSubject) implements AuthDecision {

		public Rejected(FailureReason reason, String message) {
			this(reason, message, null);
		}

	}

}
