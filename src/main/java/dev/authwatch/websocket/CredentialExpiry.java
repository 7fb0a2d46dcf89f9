package dev.authwatch.websocket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;

/**
 * Closes a connection with 4001 when its credential expires (plus the clock skew
 * validation allows), unless reauthentication moved the expiry first. One shared
 * scheduler holds a timer per connection; no thread per connection.
 */
final class CredentialExpiry {

	static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4001, "token expired");

	private final TaskScheduler scheduler;

	private final Duration clockSkew;

	private final Clock clock;

	CredentialExpiry(TaskScheduler scheduler, Duration clockSkew, Clock clock) {
		this.scheduler = scheduler;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	/** (Re)arms the connection's expiry timer for its current credential. */
	void schedule(ChatConnection connection) {
		Instant deadline = connection.credentialExpiresAt().plus(this.clockSkew);
		if (!deadline.isAfter(this.clock.instant())) {
			connection.close(TOKEN_EXPIRED, DisconnectReason.TOKEN_EXPIRED);
			return;
		}
		try {
			connection.expiryTask(this.scheduler.schedule(() -> expireIfDue(connection), deadline));
		}
		catch (TaskRejectedException ex) {
			// The scheduler has stopped: so is the server.
			connection.close(ConnectionRegistry.GOING_AWAY, DisconnectReason.SHUTDOWN);
		}
	}

	private void expireIfDue(ChatConnection connection) {
		Instant deadline = connection.credentialExpiresAt().plus(this.clockSkew);
		if (!deadline.isAfter(this.clock.instant())) {
			connection.close(TOKEN_EXPIRED, DisconnectReason.TOKEN_EXPIRED);
		}
	}

}
