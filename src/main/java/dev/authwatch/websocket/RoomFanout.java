package dev.authwatch.websocket;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Stores and delivers chat messages: one offset per message (strictly increasing per
 * room), the message remembered by its id for the dedup window and kept in the room's
 * bounded history, then delivered to the room's members on every instance, each member
 * once, in offset order (SPEC §9, §11). With the memory store the room is this
 * instance's; with Redis one script does all of it, so every instance sees one order per
 * room.
 */
public interface RoomFanout {

	/**
	 * @param room a valid room name
	 * @param sender the sender's user id: ids are the sender's own
	 * @param id the client's message id, or {@code null}
	 * @param message the message frame, a JSON object without its offset; the fan-out
	 * assigns the room's next offset and adds it
	 * @return the message's offset; for a resent id within the dedup window, the offset
	 * it was first published with, and nothing is published again
	 */
	Published publish(String room, String sender, @Nullable String id, String message);

	/**
	 * The room's latest offset and the messages of its history after {@code since}, in
	 * offset order.
	 */
	History history(String room, long since);

	/** The room's latest offset, 0 for a room with no message. */
	long latest(String room);

	/**
	 * The frame as members receive it: the message with its {@code offset} as the last
	 * member.
	 */
	static String withOffset(String message, long offset) {
		// The message is a JSON object serialized by the server: replacing its closing
		// brace is safe.
		return message.substring(0, message.length() - 1) + ",\"offset\":" + offset + "}";
	}

	/** The offset of a frame made by {@link #withOffset}. */
	static long offsetOf(String frame) {
		return Long.parseLong(frame, frame.lastIndexOf(':') + 1, frame.length() - 1, 10);
	}

	record Published(long offset, boolean duplicate) {
	}

	/**
	 * @param latest the room's latest offset (0 for a room with no message)
	 * @param first the room's first offset since it was last created (0 when unknown): a
	 * room the store lost starts again above its last offset, not at 1
	 * @param firstKept the oldest offset still in the history, 0 when it is empty
	 * @param kept how many messages the history holds
	 * @param after the frames after the offset asked for, in offset order
	 */
	record History(long latest, long first, long firstKept, int kept, List<Kept> after) {

		/**
		 * Whether every message after {@code since} is still there. An offset further
		 * below the room's first is one the store lost what followed of, unless it is 0
		 * (the client had nothing).
		 */
		public boolean covers(long since) {
			if (since >= this.latest) {
				return true;
			}
			if (this.firstKept == 0) {
				return false;
			}
			if (since < this.first - 1) {
				return since == 0 && this.firstKept == this.first;
			}
			return this.firstKept <= since + 1;
		}

		/**
		 * How many messages the room had after {@code after} and up to {@code through}:
		 * its offsets follow each other from its first.
		 */
		public long countBetween(long after, long through) {
			return through - Math.max(after, this.first - 1);
		}

	}

	record Kept(long offset, String frame) {
	}

}
