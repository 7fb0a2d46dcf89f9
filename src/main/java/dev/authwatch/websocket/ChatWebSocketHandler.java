package dev.authwatch.websocket;

import java.time.Clock;
import java.util.List;

import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Limit;
import dev.authwatch.metrics.LimitMetrics;
import dev.authwatch.websocket.ChatFrames.ChatError;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The life of a {@code /ws/chat} connection after its authenticated handshake:
 * registration, expiry timer, frame size and rate limits, heartbeat pongs, and the
 * disconnect reason on close. What the frames mean is {@link ChatProtocol}'s job.
 */
final class ChatWebSocketHandler extends TextWebSocketHandler implements SubProtocolCapable {

	static final CloseStatus MESSAGE_TOO_LARGE = CloseStatus.POLICY_VIOLATION.withReason("message too large");

	static final CloseStatus RATE_LIMITED = CloseStatus.POLICY_VIOLATION.withReason("too many messages");

	private final ConnectionRegistry registry;

	private final ChatRooms rooms;

	private final ChatProtocol protocol;

	private final CredentialExpiry expiry;

	private final AdmissionRecheck recheck;

	private final HeartbeatMonitor heartbeats;

	private final AuthMetrics metrics;

	private final WebSocketProperties properties;

	private final Clock clock;

	private final Runnable slowConsumers;

	ChatWebSocketHandler(ConnectionRegistry registry, ChatRooms rooms, ChatProtocol protocol, CredentialExpiry expiry,
			AdmissionRecheck recheck, HeartbeatMonitor heartbeats, AuthMetrics metrics, LimitMetrics limits,
			WebSocketProperties properties, Clock clock) {
		this.slowConsumers = () -> limits.record(Limit.SLOW_CONSUMER);
		this.registry = registry;
		this.rooms = rooms;
		this.protocol = protocol;
		this.expiry = expiry;
		this.recheck = recheck;
		this.heartbeats = heartbeats;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Lets the handshake select {@code bearer} when a browser sends its token as a
	 * subprotocol.
	 */
	@Override
	public List<String> getSubProtocols() {
		return List.of(BearerTokenResolver.SUBPROTOCOL);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		AuthenticatedPrincipal principal = AuthHandshakeInterceptor.principalOf(session);
		ChatConnection connection = new ChatConnection(session, principal, this.clock.instant(), messageBudget(),
				this.properties, this.slowConsumers);
		if (!this.protocol.welcome(connection)) {
			return;
		}
		this.registry.add(connection);
		this.recheck.check(connection);
		this.expiry.schedule(connection);
	}

	private Bucket messageBudget() {
		int perSecond = this.properties.maxMessagesPerSecond();
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(perSecond)
				.refillGreedy(perSecond, java.time.Duration.ofSeconds(1))
				.build())
			.build();
	}

	/**
	 * Text arrives in parts of at most the container's small text buffer, so that an idle
	 * connection does not hold a buffer sized for the largest message; see
	 * {@link ChatConnection#appendText}.
	 */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection == null || connection.serverCloseReason() != null) {
			return;
		}
		if (connection.partialTextBytes() + message.getPayloadLength() > this.properties.maxMessageSize().toBytes()) {
			this.protocol.error(connection, ChatError.MESSAGE_TOO_LARGE,
					"Frames are limited to " + this.properties.maxMessageSize().toBytes() + " bytes.", null);
			connection.close(MESSAGE_TOO_LARGE, DisconnectReason.POLICY);
			return;
		}
		String payload = connection.appendText(message.getPayload(), message.getPayloadLength(), message.isLast());
		if (payload == null) {
			return;
		}
		if (!connection.tryConsumeMessage()) {
			this.metrics.error(FailureReason.RATE_LIMITED);
			this.protocol.error(connection, ChatError.RATE_LIMITED,
					"At most " + this.properties.maxMessagesPerSecond() + " messages per second.", null);
			connection.close(RATE_LIMITED, DisconnectReason.POLICY);
			return;
		}
		long started = System.nanoTime();
		this.protocol.handle(connection, payload);
		connection.handled(System.nanoTime() - started);
	}

	@Override
	protected void handlePongMessage(WebSocketSession session, PongMessage message) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection != null) {
			this.heartbeats.pong(connection, message);
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection != null) {
			connection.close(CloseStatus.NOT_ACCEPTABLE.withReason("binary frames are not supported"),
					DisconnectReason.POLICY);
		}
	}

	/**
	 * The container reports a read or write that failed on the socket: the client reset
	 * or lost the connection, as when it closes without a close frame between frames.
	 */
	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection != null) {
			connection.close(CloseStatus.SERVER_ERROR, DisconnectReason.CLIENT_CLOSE);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection == null) {
			return;
		}
		connection.expiryTask(null);
		this.rooms.leaveAll(connection);
		this.registry.remove(session.getId(), reasonFor(connection, status));
	}

	private static DisconnectReason reasonFor(ChatConnection connection, CloseStatus status) {
		DisconnectReason serverReason = connection.serverCloseReason();
		if (serverReason != null) {
			return serverReason;
		}
		// The container itself closes with 1009 when a frame exceeds its buffer, and with
		// 1006 when a ping's write failed (not the client's doing either).
		boolean pingFailed = connection.pinging() && status.getCode() == CloseStatus.NO_CLOSE_FRAME.getCode();
		return (pingFailed || status.getCode() == CloseStatus.TOO_BIG_TO_PROCESS.getCode()) ? DisconnectReason.POLICY
				: DisconnectReason.CLIENT_CLOSE;
	}

}
