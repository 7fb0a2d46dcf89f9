package dev.authwatch.websocket;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.web.socket.TextMessage;

/**
 * The memory store's fan-out: offsets counted in this JVM, delivery straight to the local members.
 * A room's offset and its delivery happen under the room's counter, so that concurrent senders'
 * messages reach every member in offset order.
 */
public final class LocalRoomFanout implements RoomFanout {

	/** A room idle this long starts its offsets again, as a room whose Redis counter expired does. */
	static final Duration IDLE_ROOM = Duration.ofDays(1);

	private final Cache<String, AtomicLong> offsets = Caffeine.newBuilder().expireAfterAccess(IDLE_ROOM).build();

	private final ChatRooms rooms;

	public LocalRoomFanout(ChatRooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public void publish(String room, String message) {
		AtomicLong counter = this.offsets.get(room, (name) -> new AtomicLong());
		synchronized (counter) {
			this.rooms.deliver(room, new TextMessage(RoomFanout.withOffset(message, counter.incrementAndGet())));
		}
	}

}
