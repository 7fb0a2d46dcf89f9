package dev.authwatch.websocket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.web.socket.TextMessage;

/**
 * Writes a room's copies of a message on more than one thread. The calling thread (the
 * pub/sub thread, or a sender holding the room's lock) writes one share of the members
 * and each lane thread another; a member always falls in the same share, whatever the
 * room's size, and a lane runs what it is handed in order, so each member still gets a
 * room's messages in offset order. One thread writing 500 members' copies in turn (~15 µs
 * each) was busy most of the time between two messages of a 1,000-member room at half its
 * saturation rate, and messages queued behind it; with one lane on two cores the room's
 * saturation rose from ~160 to ~210 messages/s (docs/benchmarks.md, "Cross-instance
 * broadcast").
 */
final class FanoutLanes implements AutoCloseable {

	private static final int QUEUED_MESSAGES_PER_LANE = 10_000;

	private final ThreadPoolExecutor[] lanes;

	/**
	 * @param threads lane threads besides the caller's; 0 writes every copy inline
	 */
	FanoutLanes(int threads) {
		this.lanes = new ThreadPoolExecutor[threads];
		for (int i = 0; i < threads; i++) {
			String name = "room-fanout-" + (i + 1);
			// A full lane makes the caller wait: running the task on the caller would let
			// a member's later message overtake an earlier one still queued.
			ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
					new ArrayBlockingQueue<>(QUEUED_MESSAGES_PER_LANE), (task) -> {
						Thread thread = new Thread(task, name);
						thread.setDaemon(true);
						return thread;
					}, (task, executor) -> waitForRoom(task, executor));
			lane.prestartAllCoreThreads();
			this.lanes[i] = lane;
		}
	}

	void deliver(Collection<RoomMember> members, long offset, TextMessage message) {
		if (this.lanes.length == 0) {
			members.forEach((member) -> member.deliver(offset, message));
			return;
		}
		int shares = this.lanes.length + 1;
		List<List<RoomMember>> split = new ArrayList<>(shares);
		for (int i = 0; i < shares; i++) {
			split.add(new ArrayList<>(members.size() / shares + 1));
		}
		for (RoomMember member : members) {
			split.get(member.share(shares)).add(member);
		}
		for (int i = 1; i < shares; i++) {
			List<RoomMember> share = split.get(i);
			if (!share.isEmpty()) {
				this.lanes[i - 1].execute(() -> share.forEach((member) -> member.deliver(offset, message)));
			}
		}
		split.get(0).forEach((member) -> member.deliver(offset, message));
	}

	private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
		if (executor.isShutdown()) {
			throw new RejectedExecutionException("room fan-out stopped");
		}
		try {
			executor.getQueue().put(task);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RejectedExecutionException("interrupted while waiting for a fan-out lane", ex);
		}
	}

	@Override
	public void close() {
		for (ThreadPoolExecutor lane : this.lanes) {
			lane.shutdown();
		}
	}

}
