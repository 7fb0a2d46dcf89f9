package dev.authwatch.websocket;

import java.util.List;

import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.websocket.ChatFrames.ChatError;
import dev.authwatch.websocket.RoomFanout.History;
import dev.authwatch.websocket.RoomFanout.Kept;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataAccessException;
import org.springframework.web.socket.TextMessage;

/**
 * Joins a room; with {@code since}, replays what the client missed before anything live.
 * The connection becomes a member holding live frames back, then reads the history: a
 * message published meanwhile is either in the history or among the held frames, and the
 * held frames skip what the replay sent (see {@link RoomMember}).
 */
final class RoomJoin {

	private final ChatRooms rooms;

	private final RoomFanout fanout;

	private final ChatReplies replies;

	private final DeliveryMetrics metrics;

	private final int maxRoomsPerConnection;

	RoomJoin(ChatRooms rooms, RoomFanout fanout, ChatReplies replies, DeliveryMetrics metrics,
			int maxRoomsPerConnection) {
		this.rooms = rooms;
		this.fanout = fanout;
		this.replies = replies;
		this.metrics = metrics;
		this.maxRoomsPerConnection = maxRoomsPerConnection;
	}

	void join(ChatConnection connection, String room, @Nullable JsonNode sinceNode) {
		boolean member = connection.rooms().contains(room);
		if (!member && connection.rooms().size() >= this.maxRoomsPerConnection) {
			this.replies.error(connection, ChatError.TOO_MANY_ROOMS,
					"A connection may join at most " + this.maxRoomsPerConnection + " rooms.", room, null);
			return;
		}
		if (sinceNode == null || sinceNode.isNull()) {
			if (this.rooms.join(room, connection)) {
				recordWhereTheRoomStands(room);
			}
			this.replies.send(connection, ChatFrames.RoomAck.joined(room, null));
			return;
		}
		if (!sinceNode.isIntegralNumber() || !sinceNode.canConvertToLong() || sinceNode.asLong() < 0) {
			this.replies.error(connection, ChatError.INVALID_SINCE,
					"since is the last offset of the room the client has: an integer, 0 or more.", room, null);
			return;
		}
		recover(connection, room, sinceNode.asLong(), member);
	}

	private void recover(ChatConnection connection, String room, long since, boolean wasMember) {
		RoomMember member = this.rooms.joinHolding(room, connection);
		History history;
		try {
			history = this.fanout.history(room, since);
		}
		catch (DataAccessException ex) {
			undo(connection, room, member, wasMember);
			this.replies.error(connection, ChatError.NOT_JOINED,
					"The room's history could not be read (the shared store is unavailable); join again.", room, null);
			return;
		}
		if (since > history.latest()) {
			undo(connection, room, member, wasMember);
			this.replies.error(connection, ChatError.UNKNOWN_OFFSET, "The room's latest offset is " + history.latest()
					+ ", not " + since
					+ " (the store may have lost the room, or the offset is not this room's); join without since.",
					room, null);
			return;
		}
		this.rooms.joinedAfter(room, history.latest());
		List<Kept> gap = history.after();
		List<Kept> replay = newestWithin(gap, connection.sendRoom() / 2);
		boolean recovered = history.covers(since) && replay.size() == gap.size();
		this.replies.send(connection, ChatFrames.RoomAck.joined(room, recovered));
		replay.forEach((kept) -> connection.send(new TextMessage(kept.frame())));
		member.live(gap.isEmpty() ? since : gap.get(gap.size() - 1).offset());
		this.metrics.recovery(recovered, history.kept());
	}

	/**
	 * The newest of a gap's messages whose frames fit in {@code budget} characters,
	 * oldest first. A replay is queued at once: one larger than what the connection may
	 * have queued would close it as a slow consumer, and again at each rejoin (100 kept
	 * messages of 7,000 characters are 700,000, over the 256 KB default). Half of that
	 * room is left for live frames and the other rooms' replays; what does not fit is
	 * part of the gap the client is told it did not recover.
	 */
	private static List<Kept> newestWithin(List<Kept> gap, long budget) {
		int from = gap.size();
		long used = 0;
		while (from > 0 && used + gap.get(from - 1).frame().length() <= budget) {
			from--;
			used += gap.get(from).frame().length();
		}
		return gap.subList(from, gap.size());
	}

	/**
	 * The room's first members here: its latest offset, where a catch-up after a lost
	 * subscription starts until a message is delivered here.
	 */
	private void recordWhereTheRoomStands(String room) {
		try {
			this.rooms.joinedAfter(room, this.fanout.latest(room));
		}
		catch (DataAccessException ex) {
			// The store is unavailable: until the room's first message here, a lost
			// subscription's messages then reach these members only by a join with since.
		}
	}

	private void undo(ChatConnection connection, String room, RoomMember member, boolean wasMember) {
		if (wasMember) {
			member.live(0);
		}
		else {
			this.rooms.leave(room, connection);
		}
	}

}
