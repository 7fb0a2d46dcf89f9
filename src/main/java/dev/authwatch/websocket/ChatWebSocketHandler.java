package dev.authwatch.websocket;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.websocket.ChatFrames.ChatError;
import dev.authwatch.websocket.ChatFrames.ClientFrame;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The chat at {@code /ws/chat}: greets the authenticated user, lets it join and leave rooms and
 * broadcasts its messages to the room. Bad frames get an error frame, never a stack trace.
 */
final class ChatWebSocketHandler extends TextWebSocketHandler implements SubProtocolCapable {

	private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final ConnectionRegistry registry;

	private final ChatRooms rooms;

	private final JsonMapper json;

	private final WebSocketProperties properties;

	private final Clock clock;

	ChatWebSocketHandler(ConnectionRegistry registry, ChatRooms rooms, JsonMapper json, WebSocketProperties properties,
			Clock clock) {
		this.registry = registry;
		this.rooms = rooms;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/** Lets the handshake select {@code bearer} when a browser sends its token as a subprotocol. */
	@Override
	public List<String> getSubProtocols() {
		return List.of(BearerTokenResolver.SUBPROTOCOL);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		AuthenticatedPrincipal principal = AuthHandshakeInterceptor.principalOf(session);
		WebSocketSession concurrent = new ConcurrentWebSocketSessionDecorator(session,
				(int) this.properties.sendTimeLimit().toMillis(), (int) this.properties.sendBufferLimit().toBytes());
		ChatConnection connection = new ChatConnection(concurrent, principal, this.clock.instant());
		this.registry.add(connection);
		connection.send(frame(new ChatFrames.Welcome(principal.userId(), principal.method().code(), principal.expiresAt())));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection == null) {
			return;
		}
		if (message.getPayloadLength() > this.properties.maxMessageSize().toBytes()) {
			error(connection, ChatError.MESSAGE_TOO_LARGE,
					"Frames are limited to " + this.properties.maxMessageSize().toBytes() + " bytes.", null);
			return;
		}
		ClientFrame frame = parse(connection, message.getPayload());
		if (frame == null) {
			return;
		}
		String type = (frame.type() != null) ? frame.type() : "";
		switch (type) {
			case "join" -> join(connection, frame);
			case "leave" -> leave(connection, frame);
			case "message" -> message(connection, frame);
			default -> error(connection, ChatError.UNKNOWN_TYPE,
					"Unknown frame type; expected join, leave or message.", null);
		}
	}

	private @Nullable ClientFrame parse(ChatConnection connection, String payload) {
		try {
			ClientFrame frame = this.json.readValue(payload, ClientFrame.class);
			if (frame == null) {
				error(connection, ChatError.INVALID_FRAME, "A frame must be a JSON object with a type.", null);
			}
			return frame;
		}
		catch (StreamReadException ex) {
			error(connection, ChatError.INVALID_JSON, "The frame is not valid JSON.", null);
		}
		catch (JacksonException ex) {
			error(connection, ChatError.INVALID_FRAME, "A frame must be a JSON object with a type.", null);
		}
		return null;
	}

	private void join(ChatConnection connection, ClientFrame frame) {
		String room = validRoom(connection, frame);
		if (room == null) {
			return;
		}
		if (!connection.rooms().contains(room) && connection.rooms().size() >= this.properties.maxRoomsPerConnection()) {
			error(connection, ChatError.TOO_MANY_ROOMS,
					"A connection may join at most " + this.properties.maxRoomsPerConnection() + " rooms.", room);
			return;
		}
		this.rooms.join(room, connection);
		connection.send(frame(new ChatFrames.RoomAck("joined", room)));
	}

	private void leave(ChatConnection connection, ClientFrame frame) {
		String room = validRoom(connection, frame);
		if (room != null) {
			this.rooms.leave(room, connection);
			connection.send(frame(new ChatFrames.RoomAck("left", room)));
		}
	}

	private void message(ChatConnection connection, ClientFrame frame) {
		String room = validRoom(connection, frame);
		if (room == null) {
			return;
		}
		if (!connection.rooms().contains(room)) {
			error(connection, ChatError.NOT_IN_ROOM, "Join the room before sending to it.", room);
			return;
		}
		if (frame.text() == null || frame.text().isEmpty()) {
			error(connection, ChatError.INVALID_FRAME, "A message needs a non-empty text.", room);
			return;
		}
		this.rooms.broadcast(room, frame(new ChatFrames.Message(room, connection.principal().userId(), frame.text(),
				this.clock.instant())));
	}

	private @Nullable String validRoom(ChatConnection connection, ClientFrame frame) {
		if (frame.room() == null || !ROOM_NAME.matcher(frame.room()).matches()) {
			error(connection, ChatError.INVALID_ROOM, "A room name is 1 to 64 letters, digits, '_', '.' or '-'.", null);
			return null;
		}
		return frame.room();
	}

	private void error(ChatConnection connection, ChatError error, String message, @Nullable String room) {
		connection.send(frame(new ChatFrames.Error(error, message, room)));
	}

	private TextMessage frame(Object frame) {
		return new TextMessage(this.json.writeValueAsString(frame));
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection != null) {
			connection.close(CloseStatus.NOT_ACCEPTABLE.withReason("binary frames are not supported"), DisconnectReason.POLICY);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection != null) {
			connection.close(CloseStatus.SERVER_ERROR, DisconnectReason.POLICY);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		ChatConnection connection = this.registry.get(session.getId());
		if (connection == null) {
			return;
		}
		this.rooms.leaveAll(connection);
		this.registry.remove(session.getId(), reasonFor(connection, status));
	}

	private static DisconnectReason reasonFor(ChatConnection connection, CloseStatus status) {
		DisconnectReason serverReason = connection.serverCloseReason();
		if (serverReason != null) {
			return serverReason;
		}
		// The container itself closes with 1009 when a frame exceeds its buffer.
		return (status.getCode() == CloseStatus.TOO_BIG_TO_PROCESS.getCode()) ? DisconnectReason.POLICY
				: DisconnectReason.CLIENT_CLOSE;
	}

}
