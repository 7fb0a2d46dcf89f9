package dev.authwatch.auth;

/** What one authenticator concluded about a request. */
public sealed interface AuthDecision {

	/** The request carries no credential of this authenticator's kind; the chain asks the next one. */
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

	enum NotMine implements AuthDecision {

		INSTANCE

	}

	record Authenticated(AuthenticatedPrincipal principal) implements AuthDecision {
	}

	/**
	 * @param message a sentence for the client; never contains the credential
	 */
	record Rejected(FailureReason reason, String message) implements AuthDecision {
	}

}
