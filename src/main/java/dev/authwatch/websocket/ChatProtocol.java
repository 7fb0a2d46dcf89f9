package dev.authwatch.websocket;

import java.time.Clock;
import java.util.regex.Pattern;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.websocket.ChatFrames.ChatError;
import dev.authwatch.websocket.ChatFrames.ClientFrame;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.web.socket.TextMessage;

/**
 * The chat's frames: parses what a client sends, acts on it and answers. A bad frame gets an
 * error frame, never a stack trace, and the connection stays usable.
 */
final class ChatProtocol {

	private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final ChatRooms rooms;

	private final RoomFanout fanout;

	private final Reauthentication reauthentication;

	private final JsonMapper json;

	private final int maxRoomsPerConnection;

	private final Clock clock;

	ChatProtocol(ChatRooms rooms, RoomFanout fanout, Reauthentication reauthentication, JsonMapper json,
			int maxRoomsPerConnection, Clock clock) {
		this.rooms = rooms;
		this.fanout = fanout;
		this.reauthentication = reauthentication;
		this.json = json;
		this.maxRoomsPerConnection = maxRoomsPerConnection;
		this.clock = clock;
	}

	void welcome(ChatConnection connection) {
		connection.send(WelcomeFrame.of(connection.principal().userId(), connection.principal().method().code(),
				connection.credentialExpiresAt()));
	}

	void handle(ChatConnection connection, String payload) {
		ClientFrame frame = parse(connection, payload);
		if (frame == null) {
			return;
		}
		String type = (frame.type() != null) ? frame.type() : "";
		switch (type) {
			case "join" -> join(connection, frame);
			case "leave" -> leave(connection, frame);
			case "message" -> message(connection, frame);
			case "reauth" -> reauth(connection, frame);
			default -> error(connection, ChatError.UNKNOWN_TYPE, "Unknown frame type; expected join, leave, message or reauth.",
					null);
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
		if (!connection.rooms().contains(room) && connection.rooms().size() >= this.maxRoomsPerConnection) {
			error(connection, ChatError.TOO_MANY_ROOMS, "A connection may join at most " + this.maxRoomsPerConnection + " rooms.",
					room);
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
		String message = this.json.writeValueAsString(new ChatFrames.Message(room, connection.principal().userId(),
				frame.text(), this.clock.instant()));
		try {
			this.fanout.publish(room, message);
		}
		catch (DataAccessException ex) {
			error(connection, ChatError.NOT_DELIVERED, "The message could not be delivered (the shared store is unavailable); send it again.", room);
		}
	}

	private void reauth(ChatConnection connection, ClientFrame frame) {
		if (frame.token() == null || frame.token().isBlank()) {
			error(connection, ChatError.INVALID_FRAME, "A reauth frame needs a token.", null);
			return;
		}
		Reauthentication.Result result = this.reauthentication.reauthenticate(connection, frame.token());
		switch (result.outcome()) {
			case SUCCESS -> connection.send(frame(new ChatFrames.Reauthenticated(connection.credentialExpiresAt())));
			case REJECTED -> {
				AuthDecision.Rejected rejected = (AuthDecision.Rejected) result.decision();
				connection.send(frame(new ChatFrames.Error("error", ChatError.REAUTH_FAILED.code(), rejected.message(), null,
						rejected.reason().code())));
			}
			case USER_MISMATCH -> {
				// The connection is already closed with 1008.
			}
		}
	}

	private @Nullable String validRoom(ChatConnection connection, ClientFrame frame) {
		if (frame.room() == null || !ROOM_NAME.matcher(frame.room()).matches()) {
			error(connection, ChatError.INVALID_ROOM, "A room name is 1 to 64 letters, digits, '_', '.' or '-'.", null);
			return null;
		}
		return frame.room();
	}

	void error(ChatConnection connection, ChatError error, String message, @Nullable String room) {
		connection.send(frame(new ChatFrames.Error(error, message, room)));
	}

	private TextMessage frame(Object frame) {
		return new TextMessage(this.json.writeValueAsString(frame));
	}

}
