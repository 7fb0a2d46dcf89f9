package dev.authwatch.jwthealth;

import java.time.Instant;

/**
 * Published as a Spring application event when the JWT configuration changes in a way
 * operators must know about: {@code drift} (another instance uses a different key) or
 * {@code rotation} (this service's own key changed). Carries key ids only.
 */
public record JwtConfigEvent(String type, String message, Instant at) {

	public static final String DRIFT = "drift";

	public static final String ROTATION = "rotation";

}
