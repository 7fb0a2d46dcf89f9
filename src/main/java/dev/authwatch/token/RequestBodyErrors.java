package dev.authwatch.token;

import dev.authwatch.auth.ErrorBody;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A token endpoint's body that is not the JSON it expects is {@code malformed}, 400, counted. */
@RestControllerAdvice(basePackageClasses = RequestBodyErrors.class)
class RequestBodyErrors {

	private final AuthMetrics metrics;

	RequestBodyErrors(AuthMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException ex) {
		this.metrics.error(FailureReason.MALFORMED);
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(ErrorBody.of(FailureReason.MALFORMED, "The request body is not the JSON this endpoint expects."));
	}

}
