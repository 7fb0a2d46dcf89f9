package dev.authwatch.admin;

import java.util.List;

import dev.authwatch.admin.audit.AuditTarget;
import dev.authwatch.events.AuthEvent;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.events.EventsProperties;
import dev.authwatch.token.RefreshTokens;
import dev.authwatch.websocket.ConnectionRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's live connections and recent authentication events; disconnecting them. */
@RestController
@RequestMapping(AdminApi.BASE_PATH)
@Tag(name = AdminApi.TAG)
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
class SessionController {

	private static final int MAX_EVENTS = 100;

	private final UserConnections connections;

	private final AuthEventLog events;

	private final int eventCapacity;

	private final RefreshTokens refreshTokens;

	SessionController(UserConnections connections, AuthEventLog events, EventsProperties eventsProperties,
			RefreshTokens refreshTokens) {
		this.refreshTokens = refreshTokens;
		this.connections = connections;
		this.events = events;
		this.eventCapacity = eventsProperties.capacity();
	}

	/**
	 * @param attempts authentication decisions for this user among the instance's recent
	 * events
	 * @param failures how many of them failed (a rejected token counts for the user it
	 * claims)
	 */
	record SessionView(String userId, List<ConnectionView> connections, long attempts, long failures,
			List<AuthEvent> recentEvents) {
	}

	record Disconnected(String userId, int closed, int closeCode) {
	}

	@GetMapping("/session/{user_id}")
	@Operation(summary = "A user's live connections on every instance (instance, method, since, credential expiry, "
			+ "last pong, remote address, health) and their recent authentication attempts and failures on this instance")
	SessionView session(@PathVariable("user_id") String userId, HttpServletRequest request) {
		AuditTarget.set(request, userId);
		String ref = this.events.userRef(userId);
		List<AuthEvent> mine = this.events.recent(this.eventCapacity)
			.stream()
			.filter((event) -> ref.equals(event.userRef()))
			.toList();
		long attempts = mine.stream().filter(SessionController::isAttempt).count();
		long failures = mine.stream().filter((event) -> event.type() == AuthEvent.Type.AUTH_FAILURE).count();
		return new SessionView(userId, this.connections.of(userId), attempts, failures,
				mine.stream().limit(MAX_EVENTS).toList());
	}

	@DeleteMapping("/session/{user_id}")
	@Operation(summary = "Revoke every login of the user (refresh families and sessions, so its tokens no longer "
			+ "open connections) and disconnect its live connections with close code 4003")
	Disconnected disconnect(@PathVariable("user_id") String userId, HttpServletRequest request) {
		AuditTarget.set(request, userId);
		int closed = this.refreshTokens.revokeAllOf(userId);
		return new Disconnected(userId, closed, ConnectionRegistry.REVOKED.getCode());
	}

	private static boolean isAttempt(AuthEvent event) {
		return event.type() == AuthEvent.Type.AUTH_SUCCESS || event.type() == AuthEvent.Type.AUTH_FAILURE;
	}

}
