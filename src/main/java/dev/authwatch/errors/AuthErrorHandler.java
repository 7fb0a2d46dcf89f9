package dev.authwatch.errors;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.ErrorBody;
import dev.authwatch.metrics.AuthMetrics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every REST authentication rejection with its status and body, and counts it. */
@RestControllerAdvice
class AuthErrorHandler {

	private final AuthMetrics metrics;

	AuthErrorHandler(AuthMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler(AuthRejectedException.class)
	ResponseEntity<ErrorBody> rejected(AuthRejectedException ex) {
		this.metrics.error(ex.reason());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.reason().status());
		if (ex.reason().status().value() == 401) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"authwatch\"");
		}
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.header(HttpHeaders.CACHE_CONTROL, "no-store").body(ErrorBody.of(ex.reason(), ex.getMessage()));
	}

}
