package dev.authwatch.auth.oauth;

/**
 * The OAuth provider could not answer: refused connection, timeout, an error status, an
 * unreadable answer. Recorded by the {@code oauth} circuit breaker; answered as
 * {@code provider_unavailable} (503) and never cached.
 */
final class ProviderUnavailableException extends RuntimeException {

	ProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
