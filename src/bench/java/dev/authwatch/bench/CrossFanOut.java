package dev.authwatch.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Fan-out across two instances: a room's members are split between instance A and instance B, one
 * member on A sends. At saturation it keeps 32 messages in flight (its own copy of the broadcast,
 * which went through Redis like everyone's, acknowledges); then it sends at a fixed rate and every
 * member on B records the time from the send to its receipt (one clock: both ends are in this
 * process). Messages carry their send time as {@code text}.
 */
final class CrossFanOut {

	record Saturation(int roomSize, double messagesPerSecond, double deliveriesPerSecond) {
	}

	record Latency(int roomSize, double rate, double achievedRate, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos,
			int samples, long lost) {
	}

	private static final int WINDOW = 32;

	private static final byte[] MARK = "\"text\":\"t".getBytes(StandardCharsets.US_ASCII);

	private final WsEngine engine;

	private final int portA;

	private final int portB;

	CrossFanOut(WsEngine engine, int portA, int portB) {
		this.engine = engine;
		this.portA = portA;
		this.portB = portB;
	}

	/** Joins the room: members {@code 0 … size/2 - 1} on A (member 0 sends), the rest on B. */
	Room join(int size, List<String> tokens) throws InterruptedException {
		Room room = new Room(size, "xfan-" + size + "-" + System.nanoTime());
		this.engine.submit(() -> {
			for (int i = 0; i < size; i++) {
				int port = (i < size / 2) ? this.portA : this.portB;
				WsEngine.Conn member = this.engine.open(new InetSocketAddress("127.0.0." + (2 + i % 4), port), "/ws/chat",
						"Authorization: Bearer " + tokens.get(i % tokens.size()) + "\r\n", room);
				member.attachment = (port == this.portB) ? Boolean.TRUE : Boolean.FALSE;
				room.members.add(member);
			}
		});
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!room.joined.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
			int[] state = new int[4];
			onEngine(() -> {
				state[0] = room.acks;
				state[1] = room.refused;
				state[2] = room.gone;
				state[3] = room.errors;
			});
			// A member lost while joining (its close code is reported) does not stop the room; the sender must be there.
			boolean settled = state[0] + state[1] + state[2] >= size && state[0] >= size * 0.99 && room.members.get(0).isOpen();
			if (settled) {
				break;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(String.format("room of %d: %d joined, %d refused, %d closed %s, %d error frames after 120 s",
						size, state[0], state[1], state[2], room.closeCodes, state[3]));
			}
		}
		return room;
	}

	Saturation saturate(Room room, Duration duration) throws InterruptedException {
		long[] start = new long[3];
		onEngine(() -> {
			start[0] = System.nanoTime();
			start[1] = room.delivered;
			start[2] = room.echoed;
			room.windowed = true;
			room.fillWindow();
		});
		Thread.sleep(duration.toMillis());
		double[] rates = new double[2];
		onEngine(() -> {
			double seconds = (System.nanoTime() - start[0]) / 1e9;
			rates[0] = (room.echoed - start[2]) / seconds;
			rates[1] = (room.delivered - start[1]) / seconds;
			room.windowed = false;
		});
		awaitQuiet(room);
		return new Saturation(room.size, rates[0], rates[1]);
	}

	/** Sends at {@code rate} messages per second for {@code duration}; latency on B's members only. */
	Latency paced(Room room, double rate, Duration duration) throws InterruptedException {
		Stats.Longs latencies = new Stats.Longs();
		long[] counts = new long[2];
		long start = System.nanoTime();
		onEngine(() -> {
			room.latencies = latencies;
			room.pacedSince = start;
			counts[0] = room.sent;
		});
		long end = start + duration.toNanos();
		long due = 0;
		while (System.nanoTime() < end) {
			long shouldHave = (long) ((System.nanoTime() - start) / 1e9 * rate);
			if (shouldHave > due) {
				long burst = shouldHave - due;
				due = shouldHave;
				this.engine.submit(() -> {
					for (long i = 0; i < burst; i++) {
						room.send();
					}
				});
			}
			Thread.sleep(0, 200_000);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		awaitQuiet(room);
		int[] samples = new int[1];
		onEngine(() -> {
			room.latencies = null;
			counts[1] = room.sent;
			samples[0] = latencies.size;
		});
		long sent = counts[1] - counts[0];
		long expected = sent * (room.size - room.size / 2);
		Stats.Longs l = latencies;
		return new Latency(room.size, rate, sent / seconds, Stats.percentile(l.values, l.size, 0.5),
				Stats.percentile(l.values, l.size, 0.99), Stats.percentile(l.values, l.size, 0.999),
				Stats.percentile(l.values, l.size, 1.0), samples[0], expected - samples[0]);
	}

	void leave(Room room) throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		room.closed = closed;
		this.engine.submit(() -> room.members.forEach((member) -> member.close(1000)));
		closed.await();
	}

	/** Until every message sent has come back to the sender and every member has what it will get (bounded: 30 s). */
	private void awaitQuiet(Room room) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() < deadline) {
			long[] state = new long[2];
			onEngine(() -> {
				state[0] = room.sent - room.echoed;
				state[1] = room.delivered;
			});
			Thread.sleep(300);
			long[] later = new long[1];
			onEngine(() -> later[0] = room.delivered);
			// The sender has all its copies and no member is still receiving.
			if (state[0] == 0 && later[0] == state[1]) {
				return;
			}
		}
	}

	private void onEngine(Runnable task) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		this.engine.submit(() -> {
			task.run();
			done.countDown();
		});
		done.await();
	}

	static final class Room implements WsEngine.Listener {

		final List<WsEngine.Conn> members = new ArrayList<>();

		final int size;

		private final String join;

		private final String name;

		final CountDownLatch joined = new CountDownLatch(1);

		CountDownLatch closed;

		boolean windowed;

		Stats.Longs latencies;

		long pacedSince;

		long sent;

		long echoed;

		long delivered;

		private int acks;

		private int gone;

		private int refused;

		/** Close codes of members closed by the server (or the network), and of the members' own closes at leave. */
		final java.util.Map<Integer, Integer> closeCodes = new java.util.TreeMap<>();

		private int errors;

		Room(int size, String name) {
			this.size = size;
			this.name = name;
			this.join = "{\"type\":\"join\",\"room\":\"" + name + "\"}";
		}

		void fillWindow() {
			while (this.sent - this.echoed < WINDOW) {
				send();
			}
		}

		void send() {
			this.sent++;
			this.members.get(0)
				.sendText("{\"type\":\"message\",\"room\":\"" + this.name + "\",\"text\":\"t" + System.nanoTime() + "\"}");
		}

		@Override
		public void onOpen(WsEngine.Conn conn, long handshakeNanos) {
			conn.sendText(this.join);
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
			if (kind == 'e') {
				this.errors++;
			}
			if (kind != 'm') {
				return;
			}
			long now = System.nanoTime();
			this.delivered++;
			if (this.latencies != null && conn.attachment == Boolean.TRUE) {
				long sentAt = sentAt(payload);
				// Deliveries of the saturation phase still on their way are not samples of the paced rate.
				if (sentAt >= this.pacedSince) {
					this.latencies.add(now - sentAt);
				}
			}
			if (conn == this.members.get(0)) {
				this.echoed++;
				if (this.windowed) {
					fillWindow();
				}
			}
		}

		private static long sentAt(ByteBuffer payload) {
			int end = payload.limit() - MARK.length;
			outer: for (int i = payload.position(); i < end; i++) {
				for (int j = 0; j < MARK.length; j++) {
					if (payload.get(i + j) != MARK[j]) {
						continue outer;
					}
				}
				long value = 0;
				for (int k = i + MARK.length; k < payload.limit(); k++) {
					byte b = payload.get(k);
					if (b < '0' || b > '9') {
						break;
					}
					value = value * 10 + (b - '0');
				}
				return value;
			}
			throw new IllegalStateException("a message without its send time");
		}

		@Override
		public void onRefused(WsEngine.Conn conn, int status) {
			this.refused++;
		}

		@Override
		public void onClosed(WsEngine.Conn conn, int code) {
			this.closeCodes.merge(code, 1, Integer::sum);
			if (++this.gone == this.size && this.closed != null) {
				this.closed.countDown();
			}
		}

	}

}
