package dev.authwatch.auth.session;

/** What a login session holds: plain strings only, so any session store can keep them. */
final class SessionAttributes {

	static final String USER = "authwatch.user";

	static final String ROLES = "authwatch.roles";

	/**
	 * The refresh-token family the session belongs to: revoking it ends the session too.
	 */
	static final String FAMILY = "authwatch.family";

	static final String CSRF = "authwatch.csrf";

	/** The header cookie-authenticated REST calls carry the session's CSRF token in. */
	static final String CSRF_HEADER = "X-CSRF-Token";

	private SessionAttributes() {
	}

}
