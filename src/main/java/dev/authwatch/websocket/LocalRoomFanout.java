package dev.authwatch.websocket;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.TextMessage;

/**
 * The memory store's fan-out: offsets, sent ids and history in this JVM, delivery
 * straight to the local members. A room's offset, history and delivery happen under the
 * room's lock, so that concurrent senders' messages reach every member in offset order
 * and a join reads the history between two messages, never during one.
 */
public final class LocalRoomFanout implements RoomFanout {

	/**
	 * Ids remembered at most: a flood of ids must not grow the heap without bound. Beyond
	 * it some ids are forgotten before their window ends (about 150 bytes each, so at
	 * most ~15 MB).
	 */
	static final int MAX_SENT_IDS = 100_000;

	private final Cache<String, Room> rooms = Caffeine.newBuilder()
		.expireAfterAccess(DeliveryProperties.IDLE_ROOM)
		.build();

	private final Cache<SentId, Long> sent;

	private final ChatRooms members;

	private final DeliveryProperties properties;

	private final Clock clock;

	public LocalRoomFanout(ChatRooms members, DeliveryProperties properties, Clock clock) {
		this.members = members;
		this.properties = properties;
		this.clock = clock;
		this.sent = Caffeine.newBuilder().expireAfterWrite(properties.dedupWindow()).maximumSize(MAX_SENT_IDS).build();
	}

	@Override
	public Published publish(String room, String sender, @Nullable String id, String message) {
		Room state = this.rooms.get(room,
				(name) -> new Room(new HistoryRing(this.properties.historySize(), this.properties.historyMaxAge()),
						firstOffset()));
		SentId sentId = (id != null) ? new SentId(room, sender, id) : null;
		synchronized (state) {
			Long first = (sentId != null) ? this.sent.getIfPresent(sentId) : null;
			if (first != null) {
				return new Published(first, true);
			}
			long offset = ++state.offset;
			String frame = RoomFanout.withOffset(message, offset);
			state.history.add(offset, frame, this.clock.millis());
			if (sentId != null) {
				this.sent.put(sentId, offset);
			}
			this.members.deliver(room, offset, new TextMessage(frame));
			return new Published(offset, false);
		}
	}

	@Override
	public History history(String room, long since) {
		Room state = this.rooms.getIfPresent(room);
		if (state == null) {
			return new History(0, 0, 0, 0, List.of());
		}
		synchronized (state) {
			return state.history.after(since, state.offset, state.first, this.clock.millis());
		}
	}

	@Override
	public long latest(String room) {
		Room state = this.rooms.getIfPresent(room);
		if (state == null) {
			return 0;
		}
		synchronized (state) {
			return state.offset;
		}
	}

	/**
	 * A room starts at the time in microseconds, as with Redis: a room that went idle
	 * past {@link DeliveryProperties#IDLE_ROOM} and is created again numbers above its
	 * last offset, which members still connected hold.
	 */
	private long firstOffset() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.clock.instant());
	}

	private static final class Room {

		private final HistoryRing history;

		private final long first;

		private long offset;

		Room(HistoryRing history, long first) {
			this.history = history;
			this.first = first;
			this.offset = first - 1;
		}

	}

	private record SentId(String room, String sender, String id) {
	}

}
