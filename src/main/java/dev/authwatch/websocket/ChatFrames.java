package dev.authwatch.websocket;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The JSON frames of the chat protocol (see the README's "Chat protocol"). */
final class ChatFrames {

	private ChatFrames() {
	}

	/** Anything a client sends: {@code join}, {@code leave}, {@code message}, {@code reauth}. */
	record ClientFrame(@Nullable String type, @Nullable String room, @Nullable String text, @Nullable String token) {

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

	record Message(String type, String room, String from, String text, Instant sentAt) {

		Message(String room, String from, String text, Instant sentAt) {
			this("message", room, from, text, sentAt);
		}

	}

	/** {@code joined} / {@code left} acknowledgements. */
	record RoomAck(String type, String room) {
	}

	/**
	 * @param reason for {@code reauth_failed}, the authentication taxonomy code
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Error(String type, String error, String message, @Nullable String room, @Nullable String reason) {

		Error(ChatError error, String message, @Nullable String room) {
			this("error", error.code(), message, room, null);
		}

	}

	/** Error codes of the chat protocol (distinct from the authentication taxonomy). */
	enum ChatError {

		INVALID_JSON, INVALID_FRAME, UNKNOWN_TYPE, MESSAGE_TOO_LARGE, RATE_LIMITED, INVALID_ROOM, NOT_IN_ROOM, TOO_MANY_ROOMS,
		REAUTH_FAILED, NOT_DELIVERED;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
