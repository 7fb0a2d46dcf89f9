package dev.authwatch.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.TextMessage;

/**
 * Room membership of this instance; a message reaches members of its room and nobody
 * else. A room exists here while it has members, with the offset last delivered to them
 * and the room's latest offset when they joined.
 */
public final class ChatRooms {

	private final Map<String, Room> rooms = new ConcurrentHashMap<>();

	private final FanoutLanes lanes;

	/** Every copy written by the delivering thread. */
	public ChatRooms() {
		this(new FanoutLanes(0));
	}

	ChatRooms(FanoutLanes lanes) {
		this.lanes = lanes;
	}

	/**
	 * @return whether the room here knows nothing yet of where its members' messages
	 * start (see {@link #joinedAfter})
	 */
	boolean join(String room, ChatConnection connection) {
		member(room, connection, false);
		return owedAfter(room) < 0;
	}

	/**
	 * Joins, or stays a member, holding the room's live frames back until
	 * {@link RoomMember#live}: a member before anything is read, so that no message falls
	 * between the history and live.
	 */
	RoomMember joinHolding(String room, ChatConnection connection) {
		RoomMember member = member(room, connection, true);
		member.hold();
		return member;
	}

	private RoomMember member(String room, ChatConnection connection, boolean holding) {
		RoomMember[] joined = new RoomMember[1];
		this.rooms.compute(room, (name, current) -> {
			Room joinedRoom = (current != null) ? current : new Room();
			joined[0] = joinedRoom.members.computeIfAbsent(connection, (key) -> new RoomMember(connection, holding));
			return joinedRoom;
		});
		connection.rooms().add(room);
		return joined[0];
	}

	void leave(String room, ChatConnection connection) {
		connection.rooms().remove(room);
		this.rooms.computeIfPresent(room, (name, current) -> {
			current.members.remove(connection);
			return current.members.isEmpty() ? null : current;
		});
	}

	void leaveAll(ChatConnection connection) {
		for (String room : Set.copyOf(connection.rooms())) {
			leave(room, connection);
		}
	}

	/**
	 * Sends the frame, the message at {@code offset}, to this instance's members of the
	 * room, unless it was delivered already (by a catch-up from the history: offsets only
	 * increase).
	 */
	public void deliver(String room, long offset, TextMessage message) {
		Room recipients = this.rooms.get(room);
		if (recipients == null || offset <= recipients.delivered) {
			return;
		}
		this.lanes.deliver(recipients.members.values(), offset, message);
		recipients.delivered = offset;
	}

	/**
	 * What the room's members here have everything up to: the offset last delivered to
	 * them, else the room's latest offset when it got its first member here (0: it had no
	 * message); -1 when that is not known, or the room has no members here.
	 */
	public long owedAfter(String room) {
		Room current = this.rooms.get(room);
		if (current == null) {
			return -1;
		}
		long delivered = current.delivered;
		return (delivered > 0) ? delivered : current.joinedAfter;
	}

	/**
	 * Records the room's latest offset as read when it got members here, unless known
	 * already: so that what is published before its first delivery here, while the
	 * instance is not subscribed, can be caught up too. It only says where a catch-up
	 * starts; live messages are never skipped by it.
	 */
	public void joinedAfter(String room, long latest) {
		Room current = this.rooms.get(room);
		if (current != null && current.joinedAfter < 0) {
			current.joinedAfter = latest;
		}
	}

	/** The rooms with members here. */
	public Set<String> names() {
		return this.rooms.keySet();
	}

	/**
	 * A room's members here. Its offset is written by the room's one delivering thread at
	 * a time.
	 */
	private static final class Room {

		private final Map<ChatConnection, RoomMember> members = new ConcurrentHashMap<>();

		private volatile long delivered;

		private volatile long joinedAfter = -1;

	}

}
