package dev.authwatch.errors;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every REST authentication rejection that reaches Spring MVC with its status and
 * body, and counts it.
 */
@RestControllerAdvice
class RejectionHandler {

	private final AuthMetrics metrics;

	RejectionHandler(AuthMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler(AuthRejectedException.class)
	ResponseEntity<ErrorBody> rejected(AuthRejectedException ex) {
		this.metrics.error(ex.reason());
		ResponseEntity.BodyBuilder response = ErrorResponses.status(ex.reason().status());
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.body(ErrorBody.of(ex.reason(), ex.getMessage()));
	}

	/**
	 * A store outage that reaches a controller unhandled (e.g. Spring Session looking a
	 * session up) is {@code provider_unavailable}, 503, counted, never a 500 with a stack
	 * trace.
	 */
	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ErrorBody> unavailable(StoreUnavailableException ex) {
		this.metrics.error(FailureReason.PROVIDER_UNAVAILABLE);
		return ErrorResponses.status(FailureReason.PROVIDER_UNAVAILABLE.status())
			.body(ErrorBody.of(FailureReason.PROVIDER_UNAVAILABLE,
					"The session or token store is unavailable; try again later."));
	}

}
