package dev.authwatch.events;

import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import dev.authwatch.jwthealth.JwtConfigEvent;

import org.springframework.context.event.EventListener;

/**
 * Puts changes of the JWT configuration into the event log, so that drift and rotation
 * reach the admin event stream and the dashboard next to the authentication events they
 * explain.
 */
final class JwtConfigEvents {

	private final AuthEventLog log;

	JwtConfigEvents(AuthEventLog log) {
		this.log = log;
	}

	@EventListener
	void onJwtConfigChange(JwtConfigEvent change) {
		// Drift means instances disagree on the key: handshakes are failing somewhere.
		Severity severity = JwtConfigEvent.DRIFT.equals(change.type()) ? Severity.WARNING : Severity.INFO;
		this.log.publish(Type.JWT_CONFIG, severity, null, change.type(), null);
	}

}
