package dev.authwatch.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Fan-out: {@code size} authenticated members join one room; one of them sends chat messages with
 * a window of 32 unacknowledged (its own copy of the broadcast is the acknowledgement) and every
 * member counts what it receives. Reports messages and deliveries per second.
 */
final class FanOut {

	record Round(int roomSize, double messagesPerSecond, double deliveriesPerSecond) {
	}

	private static final int WINDOW = 32;

	private final WsEngine engine;

	private final int port;

	FanOut(WsEngine engine, int port) {
		this.engine = engine;
		this.port = port;
	}

	List<Round> run(int roomSize, List<String> tokens, int rounds, Duration duration) throws InterruptedException {
		Room room = new Room(roomSize);
		CountDownLatch joined = new CountDownLatch(1);
		room.joined = joined;
		this.engine.submit(() -> {
			for (int i = 0; i < roomSize; i++) {
				room.members.add(this.engine.open(new InetSocketAddress("127.0.0." + (1 + i % 4), this.port), "/ws/chat",
						"Authorization: Bearer " + tokens.get(i % tokens.size()) + "\r\n", room));
			}
		});
		joined.await();
		List<Round> results = new ArrayList<>();
		for (int r = 0; r < rounds; r++) {
			long[] start = new long[3];
			CountDownLatch begun = new CountDownLatch(1);
			this.engine.submit(() -> {
				start[0] = System.nanoTime();
				start[1] = room.delivered;
				start[2] = room.echoed;
				room.sending = true;
				while (room.sent - room.echoed < WINDOW) {
					room.send();
				}
				begun.countDown();
			});
			begun.await();
			Thread.sleep(duration.toMillis());
			double[] rates = new double[2];
			CountDownLatch ended = new CountDownLatch(1);
			this.engine.submit(() -> {
				double seconds = (System.nanoTime() - start[0]) / 1e9;
				rates[0] = (room.echoed - start[2]) / seconds;
				rates[1] = (room.delivered - start[1]) / seconds;
				room.sending = false;
				ended.countDown();
			});
			ended.await();
			results.add(new Round(roomSize, rates[0], rates[1]));
			Thread.sleep(1000);
		}
		CountDownLatch closed = new CountDownLatch(1);
		room.closed = closed;
		this.engine.submit(() -> room.members.forEach((member) -> member.close(1000)));
		closed.await();
		return results;
	}

	private static final class Room implements WsEngine.Listener {

		private static final String JOIN = "{\"type\":\"join\",\"room\":\"fanout\"}";

		private static final String MESSAGE = "{\"type\":\"message\",\"room\":\"fanout\",\"text\":\"the quick brown fox jumps over the lazy dog 0123456789\"}";

		final List<WsEngine.Conn> members = new ArrayList<>();

		private final int size;

		CountDownLatch joined;

		CountDownLatch closed;

		boolean sending;

		long sent;

		long echoed;

		long delivered;

		private int acks;

		private int gone;

		Room(int size) {
			this.size = size;
		}

		void send() {
			this.sent++;
			this.members.get(0).sendText(MESSAGE);
		}

		@Override
		public void onOpen(WsEngine.Conn conn, long handshakeNanos) {
			conn.sendText(JOIN);
		}

		@Override
		public void onText(WsEngine.Conn conn, ByteBuffer payload) {
			// {"type":"message",... or {"type":"joined",... or {"type":"welcome",...
			byte kind = payload.get(payload.position() + 9);
			if (kind == 'j') {
				if (++this.acks == this.size) {
					this.joined.countDown();
				}
				return;
			}
			if (kind != 'm') {
				return;
			}
			this.delivered++;
			if (conn == this.members.get(0)) {
				this.echoed++;
				if (this.sending) {
					while (this.sent - this.echoed < WINDOW) {
						send();
					}
				}
			}
		}

		@Override
		public void onRefused(WsEngine.Conn conn, int status) {
			throw new IllegalStateException("fan-out member refused with " + status);
		}

		@Override
		public void onClosed(WsEngine.Conn conn, int code) {
			if (++this.gone == this.size && this.closed != null) {
				this.closed.countDown();
			}
		}

	}

}
