package dev.authwatch.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.TextMessage;

/** Room membership of this instance; a message reaches members of its room and nobody else. */
public final class ChatRooms {

	private final Map<String, Set<ChatConnection>> members = new ConcurrentHashMap<>();

	void join(String room, ChatConnection connection) {
		this.members.compute(room, (name, current) -> {
			Set<ChatConnection> set = (current != null) ? current : ConcurrentHashMap.newKeySet();
			set.add(connection);
			return set;
		});
		connection.rooms().add(room);
	}

	void leave(String room, ChatConnection connection) {
		connection.rooms().remove(room);
		this.members.computeIfPresent(room, (name, set) -> {
			set.remove(connection);
			return set.isEmpty() ? null : set;
		});
	}

	void leaveAll(ChatConnection connection) {
		for (String room : Set.copyOf(connection.rooms())) {
			leave(room, connection);
		}
	}

	/** Sends the frame to this instance's members of the room. */
	public int deliver(String room, TextMessage message) {
		Set<ChatConnection> recipients = this.members.get(room);
		if (recipients == null) {
			return 0;
		}
		recipients.forEach((recipient) -> recipient.send(message));
		return recipients.size();
	}

}
