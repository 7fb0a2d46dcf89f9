package dev.authwatch.errors;

import dev.authwatch.auth.ErrorBody;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A store outage that reaches a controller unhandled (e.g. Spring Session looking a session up)
 * is {@code provider_unavailable}, 503, counted, never a 500 with a stack trace.
 */
@RestControllerAdvice
class StoreErrors {

	private final AuthMetrics metrics;

	StoreErrors(AuthMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ErrorBody> unavailable(StoreUnavailableException ex) {
		this.metrics.error(FailureReason.PROVIDER_UNAVAILABLE);
		return ResponseEntity.status(FailureReason.PROVIDER_UNAVAILABLE.status())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(ErrorBody.of(FailureReason.PROVIDER_UNAVAILABLE, "The session or token store is unavailable; try again later."));
	}

}
