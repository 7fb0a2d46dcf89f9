package dev.authwatch.auth;

/** The shared store could not be reached or did not answer within its timeout. */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
