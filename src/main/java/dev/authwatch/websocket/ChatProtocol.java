package dev.authwatch.websocket;

import java.util.regex.Pattern;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.websocket.ChatFrames.ChatError;
import dev.authwatch.websocket.ChatFrames.ClientFrame;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat's frames: parses what a client sends, acts on it and answers. A bad frame gets
 * an error frame, never a stack trace, and the connection stays usable.
 */
final class ChatProtocol {

	private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final ChatRooms rooms;

	private final RoomJoin joins;

	private final MessageSend messages;

	private final Reauthentication reauthentication;

	private final ChatReplies replies;

	private final JsonMapper json;

	ChatProtocol(ChatRooms rooms, RoomJoin joins, MessageSend messages, Reauthentication reauthentication,
			ChatReplies replies, JsonMapper json) {
		this.rooms = rooms;
		this.joins = joins;
		this.messages = messages;
		this.reauthentication = reauthentication;
		this.replies = replies;
		this.json = json;
	}

	/**
	 * @return whether the welcome was written (if not, the connection is closed)
	 */
	boolean welcome(ChatConnection connection) {
		return connection.sendFirst(WelcomeFrame.of(connection.principal().userId(),
				connection.principal().method().code(), connection.credentialExpiresAt()));
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
			default -> error(connection, ChatError.UNKNOWN_TYPE,
					"Unknown frame type; expected join, leave, message or reauth.", null);
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
		if (room != null) {
			this.joins.join(connection, room, frame.since());
		}
	}

	private void leave(ChatConnection connection, ClientFrame frame) {
		String room = validRoom(connection, frame);
		if (room != null) {
			this.rooms.leave(room, connection);
			this.replies.send(connection, ChatFrames.RoomAck.left(room));
		}
	}

	private void message(ChatConnection connection, ClientFrame frame) {
		String room = validRoom(connection, frame);
		if (room != null) {
			this.messages.send(connection, room, frame);
		}
	}

	private void reauth(ChatConnection connection, ClientFrame frame) {
		if (frame.token() == null || frame.token().isBlank()) {
			error(connection, ChatError.INVALID_FRAME, "A reauth frame needs a token.", null);
			return;
		}
		Reauthentication.Result result = this.reauthentication.reauthenticate(connection, frame.token());
		switch (result.outcome()) {
			case SUCCESS ->
				this.replies.send(connection, new ChatFrames.Reauthenticated(connection.credentialExpiresAt()));
			case REJECTED -> {
				AuthDecision.Rejected rejected = (AuthDecision.Rejected) result.decision();
				this.replies.send(connection, new ChatFrames.Error("error", ChatError.REAUTH_FAILED.code(),
						rejected.message(), null, null, rejected.reason().code()));
			}
			case USER_MISMATCH -> {
				// The connection is already closed with 1008.
			}
		}
	}

	private @Nullable String validRoom(ChatConnection connection, ClientFrame frame) {
		if (frame.room() == null || !ROOM_NAME.matcher(frame.room()).matches()) {
			this.replies.error(connection, ChatError.INVALID_ROOM,
					"A room name is 1 to 64 letters, digits, '_', '.' or '-'.", null, frame.id());
			return null;
		}
		return frame.room();
	}

	void error(ChatConnection connection, ChatError error, String message, @Nullable String room) {
		this.replies.error(connection, error, message, room, null);
	}

}
