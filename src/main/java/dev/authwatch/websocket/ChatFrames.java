package dev.authwatch.websocket;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The JSON frames of the chat protocol (see {@code docs/chat-protocol.md}). */
final class ChatFrames {

	private ChatFrames() {
	}

	/**
	 * Anything a client sends: {@code join}, {@code leave}, {@code message},
	 * {@code reauth}.
	 *
	 * @param id the client's message id, for its ack and for resends
	 * @param since on a join, the last offset of the room the client has; left as JSON so
	 * that a value that is not an offset gets its own error
	 */
	record ClientFrame(@Nullable String type, @Nullable String room, @Nullable String text, @Nullable String token,
			@Nullable String id, @Nullable JsonNode since) {

		@Override
		public String toString() {
			return "ClientFrame[type=" + this.type + ", room=" + this.room + "]";
		}

	}

	record Reauthenticated(String type, Instant expiresAt) {

		Reauthenticated(Instant expiresAt) {
			this("reauthenticated", expiresAt);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Message(String type, String room, String from, String text, Instant sentAt, @Nullable String id) {

		Message(String room, String from, String text, Instant sentAt, @Nullable String id) {
			this("message", room, from, text, sentAt, id);
		}

	}

	/**
	 * The answer to a message with an id: it is stored and published at {@code offset}.
	 */
	record Ack(String type, String id, String room, long offset) {

		Ack(String id, String room, long offset) {
			this("ack", id, room, offset);
		}

	}

	/**
	 * {@code joined} / {@code left} acknowledgements.
	 *
	 * @param recovered for a join with {@code since}: whether every message after it was
	 * replayed
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RoomAck(String type, String room, @Nullable Boolean recovered) {

		static RoomAck joined(String room, @Nullable Boolean recovered) {
			return new RoomAck("joined", room, recovered);
		}

		static RoomAck left(String room) {
			return new RoomAck("left", room, null);
		}

	}

	/**
	 * @param id the id of the message refused
	 * @param reason for {@code reauth_failed}, the authentication taxonomy code
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Error(String type, String error, String message, @Nullable String room, @Nullable String id,
			@Nullable String reason) {

		Error(ChatError error, String message, @Nullable String room, @Nullable String id) {
			this("error", error.code(), message, room, id, null);
		}

	}

	/** Error codes of the chat protocol (distinct from the authentication taxonomy). */
	enum ChatError {

		INVALID_JSON, INVALID_FRAME, UNKNOWN_TYPE, MESSAGE_TOO_LARGE, RATE_LIMITED, INVALID_ROOM, NOT_IN_ROOM,
		TOO_MANY_ROOMS, REAUTH_FAILED, NOT_DELIVERED, INVALID_ID, INVALID_SINCE, UNKNOWN_OFFSET, NOT_JOINED;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
