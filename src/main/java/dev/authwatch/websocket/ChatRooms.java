package dev.authwatch.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.TextMessage;

/**
 * Room membership of this instance; a message reaches members of its room and nobody
 * else.
 */
public final class ChatRooms {

	private final Map<String, Map<ChatConnection, RoomMember>> members = new ConcurrentHashMap<>();

	private final FanoutLanes lanes;

	/** Every copy written by the delivering thread. */
	public ChatRooms() {
		this(new FanoutLanes(0));
	}

	ChatRooms(FanoutLanes lanes) {
		this.lanes = lanes;
	}

	void join(String room, ChatConnection connection) {
		member(room, connection, false);
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
		this.members.compute(room, (name, current) -> {
			Map<ChatConnection, RoomMember> roomMembers = (current != null) ? current : new ConcurrentHashMap<>();
			joined[0] = roomMembers.computeIfAbsent(connection, (key) -> new RoomMember(connection, holding));
			return roomMembers;
		});
		connection.rooms().add(room);
		return joined[0];
	}

	void leave(String room, ChatConnection connection) {
		connection.rooms().remove(room);
		this.members.computeIfPresent(room, (name, roomMembers) -> {
			roomMembers.remove(connection);
			return roomMembers.isEmpty() ? null : roomMembers;
		});
	}

	void leaveAll(ChatConnection connection) {
		for (String room : Set.copyOf(connection.rooms())) {
			leave(room, connection);
		}
	}

	/**
	 * Sends the frame, the message at {@code offset}, to this instance's members of the
	 * room.
	 */
	public int deliver(String room, long offset, TextMessage message) {
		Map<ChatConnection, RoomMember> recipients = this.members.get(room);
		if (recipients == null) {
			return 0;
		}
		this.lanes.deliver(recipients.values(), offset, message);
		return recipients.size();
	}

}
