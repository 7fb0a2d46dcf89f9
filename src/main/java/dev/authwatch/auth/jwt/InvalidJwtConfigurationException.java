package dev.authwatch.auth.jwt;

/** The JWT configuration cannot work; the message names the setting to fix. */
public class InvalidJwtConfigurationException extends RuntimeException {

	public InvalidJwtConfigurationException(String message) {
		super(message);
	}

}
