package dev.authwatch.auth.jwt;

import dev.authwatch.auth.FailureReason;
import io.jsonwebtoken.JwtException;

/** Thrown from inside jjwt's parsing (the key locator) to carry a taxonomy reason out. */
final class TokenRejectedException extends JwtException {

	private final FailureReason reason;

	TokenRejectedException(FailureReason reason, String message) {
		super(message);
		this.reason = reason;
	}

	FailureReason reason() {
		return this.reason;
	}

}
