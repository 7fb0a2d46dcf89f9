package dev.authwatch.websocket;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.TextMessage;

/**
 * A connection's membership of one room. While a join with {@code since} replays the
 * room's history, the room's live frames wait here; afterwards they go out, skipping
 * those the replay already sent: a message published before the history was read can
 * still be on its way through the fan-out. Frames reach a member in offset order, so once
 * one is past the replay, none that follows can be a repeat.
 */
final class RoomMember {

	private final ChatConnection connection;

	private @Nullable List<Held> held;

	/** The last offset a replay sent; 0 when there is nothing to skip. */
	private long replayedThrough;

	RoomMember(ChatConnection connection, boolean holding) {
		this.connection = connection;
		this.held = holding ? new ArrayList<>() : null;
	}

	/**
	 * Called by the room's one delivering thread at a time; a join's thread only holds
	 * the lock briefly.
	 */
	synchronized void deliver(long offset, TextMessage frame) {
		if (this.held != null) {
			this.held.add(new Held(offset, frame));
			return;
		}
		pass(offset, frame);
	}

	/**
	 * Which of {@code shares} fan-out shares writes this member's copies: always the same
	 * one.
	 */
	int share(int shares) {
		return Math.floorMod(System.identityHashCode(this.connection), shares);
	}

	synchronized void hold() {
		if (this.held == null) {
			this.held = new ArrayList<>();
		}
	}

	/**
	 * Sends the frames that waited, except those up to {@code replayedThrough}, and every
	 * later one as it comes.
	 */
	synchronized void live(long replayedThrough) {
		List<Held> waiting = this.held;
		this.held = null;
		this.replayedThrough = replayedThrough;
		if (waiting != null) {
			waiting.forEach((frame) -> pass(frame.offset(), frame.frame()));
		}
	}

	private void pass(long offset, TextMessage frame) {
		if (offset > this.replayedThrough) {
			this.connection.send(frame);
		}
	}

	private record Held(long offset, TextMessage frame) {
	}

}
