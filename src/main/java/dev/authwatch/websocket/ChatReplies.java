package dev.authwatch.websocket;

import dev.authwatch.websocket.ChatFrames.ChatError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.TextMessage;

/** Writes the server's frames to one connection. */
final class ChatReplies {

	private final JsonMapper json;

	ChatReplies(JsonMapper json) {
		this.json = json;
	}

	void send(ChatConnection connection, Object frame) {
		connection.send(new TextMessage(this.json.writeValueAsString(frame)));
	}

	void error(ChatConnection connection, ChatError error, String message, @Nullable String room, @Nullable String id) {
		send(connection, new ChatFrames.Error(error, message, room, id));
	}

	String json(Object frame) {
		return this.json.writeValueAsString(frame);
	}

}
