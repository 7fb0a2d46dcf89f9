package dev.authwatch.auth;

import org.springframework.http.HttpStatus;

/**
 * The closed failure taxonomy of SPEC §3. Its codes are the only values that appear in
 * error bodies, the {@code error_type} metric label, events and logs.
 */
public enum FailureReason {

	MISSING_CREDENTIALS(HttpStatus.UNAUTHORIZED, "No credential was presented."),
	MALFORMED(HttpStatus.UNAUTHORIZED, "The credential is not well formed."),
	INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED, "The token signature is not valid."),
	UNKNOWN_KEY(HttpStatus.UNAUTHORIZED, "The token was signed with a key this service does not know."),
	EXPIRED(HttpStatus.UNAUTHORIZED, "The token has expired."),
	NOT_YET_VALID(HttpStatus.UNAUTHORIZED, "The token is not valid yet."),
	WRONG_ISSUER(HttpStatus.UNAUTHORIZED, "The token was issued by an issuer this service does not accept."),
	WRONG_AUDIENCE(HttpStatus.UNAUTHORIZED, "The token is not meant for this service."),
	WRONG_TOKEN_TYPE(HttpStatus.UNAUTHORIZED, "The token is not an access token."),
	REVOKED(HttpStatus.UNAUTHORIZED, "The credential has been revoked."),
	TOKEN_REUSE(HttpStatus.UNAUTHORIZED, "The token was already used; its family has been revoked."),
	TICKET_INVALID(HttpStatus.UNAUTHORIZED, "The ticket is unknown, expired or already used."),
	SESSION_INVALID(HttpStatus.UNAUTHORIZED, "The session is unknown or has expired."),
	ORIGIN_REJECTED(HttpStatus.FORBIDDEN, "The request origin is not allowed."),
	CSRF(HttpStatus.FORBIDDEN, "The request failed the cross-site request forgery check."),
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts; slow down."),
	PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
			"An authentication dependency is unavailable; try again later."),
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Authentication failed because of an internal error.");

	private final HttpStatus status;

	private final String defaultMessage;

	private final String code;

	FailureReason(HttpStatus status, String defaultMessage) {
		this.status = status;
		this.defaultMessage = defaultMessage;
		this.code = name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The wire and label value, e.g. {@code invalid_signature}. */
	public String code() {
		return this.code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String defaultMessage() {
		return this.defaultMessage;
	}

	/**
	 * {@code provider_unavailable} and {@code internal} are the service's fault; the rest
	 * are the client's.
	 */
	public boolean isSystemFailure() {
		return this == PROVIDER_UNAVAILABLE || this == INTERNAL;
	}

}
