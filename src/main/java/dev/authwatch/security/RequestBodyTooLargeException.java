package dev.authwatch.security;

import java.io.IOException;

/**
 * Thrown by a request body's stream once it crosses {@code authwatch.http.max-body-size};
 * answered 413.
 */
final class RequestBodyTooLargeException extends IOException {

	RequestBodyTooLargeException() {
		super("The request body exceeds the limit", null);
	}

}
