package dev.authwatch.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.authwatch.auth.AuthenticatedPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** One live, authenticated WebSocket connection and the rooms it has joined. */
public final class ChatConnection {

	private final WebSocketSession session;

	private final AuthenticatedPrincipal principal;

	private final Instant connectedAt;

	private final Set<String> rooms = ConcurrentHashMap.newKeySet();

	private final AtomicReference<DisconnectReason> closeReason = new AtomicReference<>();

	ChatConnection(WebSocketSession session, AuthenticatedPrincipal principal, Instant connectedAt) {
		this.session = session;
		this.principal = principal;
		this.connectedAt = connectedAt;
	}

	public String id() {
		return this.session.getId();
	}

	public AuthenticatedPrincipal principal() {
		return this.principal;
	}

	public Instant connectedAt() {
		return this.connectedAt;
	}

	Set<String> rooms() {
		return this.rooms;
	}

	/** Sends without throwing: a connection that cannot be written to is closed as a policy violation. */
	void send(TextMessage message) {
		try {
			this.session.sendMessage(message);
		}
		catch (IOException | RuntimeException ex) {
			close(CloseStatus.POLICY_VIOLATION.withReason("send failed"), DisconnectReason.POLICY);
		}
	}

	/** Closes from the server side, remembering why for the disconnect metric. */
	public void close(CloseStatus status, DisconnectReason reason) {
		this.closeReason.compareAndSet(null, reason);
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			// Already closed or broken: the container will report the close.
		}
	}

	@Nullable DisconnectReason serverCloseReason() {
		return this.closeReason.get();
	}

}
