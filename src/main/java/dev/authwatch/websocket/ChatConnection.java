package dev.authwatch.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.authwatch.auth.AuthenticatedPrincipal;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One live, authenticated WebSocket connection: who it is, until when its credential is valid,
 * the rooms it has joined, its message budget and its heartbeat state.
 */
public final class ChatConnection {

	private final WebSocketSession session;

	private final Instant connectedAt;

	private final Set<String> rooms = ConcurrentHashMap.newKeySet();

	private final AtomicReference<DisconnectReason> closeReason = new AtomicReference<>();

	private final Bucket messageBudget;

	private final Heartbeat heartbeat = new Heartbeat();

	private volatile AuthenticatedPrincipal principal;

	private volatile @Nullable ScheduledFuture<?> expiryTask;

	/** Parts of a text message that arrived split; only the container's thread for this session touches it. */
	private @Nullable StringBuilder partialText;

	private long partialTextBytes;

	ChatConnection(WebSocketSession session, AuthenticatedPrincipal principal, Instant connectedAt, Bucket messageBudget) {
		this.session = session;
		this.principal = principal;
		this.connectedAt = connectedAt;
		this.messageBudget = messageBudget;
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

	/** The credential expiry as of now: reauthentication moves it. */
	public Instant credentialExpiresAt() {
		return this.principal.expiresAt();
	}

	/** The peer's address as the container saw it (behind a trusted proxy, the forwarded one). */
	public @Nullable String remoteAddress() {
		java.net.InetSocketAddress address = this.session.getRemoteAddress();
		if (address == null) {
			return null;
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	public Heartbeat heartbeat() {
		return this.heartbeat;
	}

	Set<String> rooms() {
		return this.rooms;
	}

	/** UTF-8 bytes of the text message being assembled so far. */
	long partialTextBytes() {
		return this.partialTextBytes;
	}

	/**
	 * Collects a text message the container delivers in parts (it buffers only a small part, see
	 * {@code WebSocketConfiguration}). A message that arrives whole, the usual case, is returned
	 * without being copied.
	 * @return the whole message once its last part arrived, {@code null} while parts are missing
	 */
	@Nullable String appendText(String part, int bytes, boolean last) {
		if (last && this.partialText == null) {
			return part;
		}
		if (this.partialText == null) {
			this.partialText = new StringBuilder(part.length() * 2);
		}
		this.partialText.append(part);
		this.partialTextBytes += bytes;
		if (!last) {
			return null;
		}
		String whole = this.partialText.toString();
		this.partialText = null;
		this.partialTextBytes = 0;
		return whole;
	}

	boolean tryConsumeMessage() {
		return this.messageBudget.tryConsume(1);
	}

	/** Replaces the principal after in-band reauthentication; the caller reschedules expiry. */
	void reauthenticated(AuthenticatedPrincipal renewed) {
		this.principal = renewed;
	}

	void expiryTask(@Nullable ScheduledFuture<?> task) {
		ScheduledFuture<?> previous = this.expiryTask;
		this.expiryTask = task;
		if (previous != null) {
			previous.cancel(false);
		}
	}

	/** Sends without throwing: a connection that cannot be written to is closed as a policy violation. */
	void send(WebSocketMessage<?> message) {
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
		expiryTask(null);
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
