package dev.authwatch.websocket;

/**
 * Delivers chat messages to a room's members on every instance, each member once, in the order of
 * the room's offsets (SPEC §9, §11). With the memory store the room is this instance's; with Redis
 * one script assigns the offset and publishes, so every instance sees one order per room.
 */
public interface RoomFanout {

	/**
	 * @param room a valid room name
	 * @param message the message frame, a JSON object without its offset; the fan-out assigns the
	 * room's next offset and adds it
	 */
	void publish(String room, String message);

	/** The frame as members receive it: the message with its {@code offset} as the last member. */
	static String withOffset(String message, long offset) {
		// The message is a JSON object serialized by the server: replacing its closing brace is safe.
		return message.substring(0, message.length() - 1) + ",\"offset\":" + offset + "}";
	}

}
