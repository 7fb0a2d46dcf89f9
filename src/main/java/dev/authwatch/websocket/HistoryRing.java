package dev.authwatch.websocket;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import dev.authwatch.websocket.RoomFanout.History;
import dev.authwatch.websocket.RoomFanout.Kept;

/**
 * A room's history in memory: its last messages, at most {@code size} of them and none
 * older than {@code maxAge}. Not thread-safe: its room's lock guards it.
 */
final class HistoryRing {

	private final ArrayDeque<Entry> entries = new ArrayDeque<>();

	private final int size;

	private final long maxAgeMillis;

	HistoryRing(int size, Duration maxAge) {
		this.size = size;
		this.maxAgeMillis = maxAge.toMillis();
	}

	void add(long offset, String frame, long nowMillis) {
		if (this.entries.size() == this.size) {
			this.entries.removeFirst();
		}
		this.entries.addLast(new Entry(offset, frame, nowMillis));
		expire(nowMillis);
	}

	/**
	 * What {@link RoomFanout#history} answers, for a room whose latest offset is
	 * {@code latest} and first {@code first}.
	 */
	History after(long since, long latest, long first, long nowMillis) {
		expire(nowMillis);
		List<Kept> after = new ArrayList<>();
		for (Iterator<Entry> newestFirst = this.entries.descendingIterator(); newestFirst.hasNext();) {
			Entry entry = newestFirst.next();
			if (entry.offset() <= since) {
				break;
			}
			after.add(new Kept(entry.offset(), entry.frame()));
		}
		Collections.reverse(after);
		long firstKept = this.entries.isEmpty() ? 0 : this.entries.getFirst().offset();
		return new History(latest, first, firstKept, this.entries.size(), after);
	}

	private void expire(long nowMillis) {
		while (!this.entries.isEmpty() && nowMillis - this.entries.getFirst().storedAtMillis() > this.maxAgeMillis) {
			this.entries.removeFirst();
		}
	}

	private record Entry(long offset, String frame, long storedAtMillis) {
	}

}
