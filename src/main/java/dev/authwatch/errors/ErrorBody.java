package dev.authwatch.errors;

import dev.authwatch.auth.FailureReason;

/**
 * The JSON body of every rejection (SPEC §1): a taxonomy code and a sentence, never the
 * credential. Written by {@link ErrorResponses}.
 */
public record ErrorBody(String error, String message) {

	public static ErrorBody of(FailureReason reason, String message) {
		return new ErrorBody(reason.code(), message);
	}

}
