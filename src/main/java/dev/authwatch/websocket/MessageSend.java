package dev.authwatch.websocket;

import java.time.Clock;

import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.websocket.ChatFrames.ChatError;
import dev.authwatch.websocket.ChatFrames.ClientFrame;
import dev.authwatch.websocket.RoomFanout.Published;

import org.springframework.dao.DataAccessException;

/**
 * A client's message to a room: published once per id, and acknowledged, when it has an
 * id, only after the fan-out stored and published it.
 */
final class MessageSend {

	static final int MAX_ID_LENGTH = 64;

	private final RoomFanout fanout;

	private final ChatReplies replies;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	MessageSend(RoomFanout fanout, ChatReplies replies, DeliveryMetrics metrics, Clock clock) {
		this.fanout = fanout;
		this.replies = replies;
		this.metrics = metrics;
		this.clock = clock;
	}

	void send(ChatConnection connection, String room, ClientFrame frame) {
		String id = frame.id();
		if (id != null && (id.isEmpty() || id.length() > MAX_ID_LENGTH)) {
			this.replies.error(connection, ChatError.INVALID_ID,
					"A message id is 1 to " + MAX_ID_LENGTH + " characters.", room, id);
			return;
		}
		if (!connection.rooms().contains(room)) {
			this.replies.error(connection, ChatError.NOT_IN_ROOM, "Join the room before sending to it.", room, id);
			return;
		}
		if (frame.text() == null || frame.text().isEmpty()) {
			this.replies.error(connection, ChatError.INVALID_FRAME, "A message needs a non-empty text.", room, id);
			return;
		}
		String sender = connection.principal().userId();
		String message = this.replies
			.json(new ChatFrames.Message(room, sender, frame.text(), this.clock.instant(), id));
		Published published;
		try {
			published = this.fanout.publish(room, sender, id, message);
		}
		catch (DataAccessException ex) {
			this.replies.error(connection, ChatError.NOT_DELIVERED,
					"The message could not be delivered (the shared store is unavailable); send it again.", room, id);
			return;
		}
		if (id != null) {
			this.replies.send(connection, new ChatFrames.Ack(id, room, published.offset()));
			this.metrics.acknowledged(published.duplicate());
		}
	}

}
