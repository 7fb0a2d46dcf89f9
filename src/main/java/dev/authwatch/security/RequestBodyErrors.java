package dev.authwatch.security;

import dev.authwatch.auth.FailureReason;
import dev.authwatch.errors.ErrorBody;
import dev.authwatch.errors.ErrorResponses;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Limit;
import dev.authwatch.metrics.LimitMetrics;
import tools.jackson.core.exc.StreamConstraintsException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request body that is not the JSON an endpoint expects is {@code malformed}, counted:
 * 413 when it is too large (over {@code authwatch.http.max-body-size}, or beyond a
 * Jackson read constraint: string length, nesting depth, document length), 400 otherwise.
 */
@RestControllerAdvice
class RequestBodyErrors {

	private static final ErrorBody UNREADABLE = ErrorBody.of(FailureReason.MALFORMED,
			"The request body is not the JSON this endpoint expects.");

	private final AuthMetrics metrics;

	private final LimitMetrics limits;

	RequestBodyErrors(AuthMetrics metrics, LimitMetrics limits) {
		this.metrics = metrics;
		this.limits = limits;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException ex) {
		this.metrics.error(FailureReason.MALFORMED);
		boolean tooLarge = isTooLarge(ex);
		if (tooLarge) {
			this.limits.record(Limit.REQUEST_BODY);
		}
		return ErrorResponses.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
			.body(tooLarge ? RequestBodyLimitFilter.TOO_LARGE : UNREADABLE);
	}

	private static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException || cause instanceof StreamConstraintsException) {
				return true;
			}
		}
		return false;
	}

}
