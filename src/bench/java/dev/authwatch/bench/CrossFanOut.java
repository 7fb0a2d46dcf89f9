package dev.authwatch.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * Fan-out across two instances: a room's members are split between instance A and instance B, one
 * member on A sends. At saturation it keeps 32 messages in flight (its own copy of the broadcast,
 * which went through Redis like everyone's, acknowledges); then it sends at a fixed rate and every
 * member on B records the time from the send to its receipt (one clock: both ends are in this
 * process). Messages carry their send time as {@code text}. Both ports may be the same instance
 * (the soak). A room joined with acknowledgements sends every message with an {@code id}: the
 * server answers the sender {@code ack} or an {@code error} (such as {@code not_delivered} while
 * Redis is away), and a message is settled by that answer instead of by the sender's own copy.
 */
final class CrossFanOut {

	record Saturation(int roomSize, double messagesPerSecond, double deliveriesPerSecond) {
	}

	/** @param lost deliveries missing; negative when messages refused to the sender were delivered anyway */
	record Latency(int roomSize, double rate, double achievedRate, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos,
			int samples, long lost) {
	}

	/**
	 * What a room's sender and members saw so far.
	 * @param rejected error code of each refused message → count (the sender's error frames)
	 * @param closes close code → count of members closed by the server or the network
	 */
	record Counts(long sent, long unsent, long acked, Map<String, Integer> rejected, long delivered, Map<Integer, Integer> closes) {
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
		return join(size, tokens, false);
	}

	/** As {@link #join(int, List)}; {@code acked}: every message sent with an {@code id}. */
	Room join(int size, List<String> tokens, boolean acked) throws InterruptedException {
		Room room = new Room(size, "xfan-" + size + "-" + System.nanoTime(), acked);
		this.engine.submit(() -> {
			for (int i = 0; i < size; i++) {
				int port = (i < size / 2) ? this.portA : this.portB;
				WsEngine.Conn member = this.engine.open(new InetSocketAddress("127.0.0." + (2 + i % 4), port), "/ws/chat",
						"Authorization: Bearer " + tokens.get(i % tokens.size()) + "\r\n", room);
				// The measured half by position: both ports may be the same instance.
				member.attachment = (i >= size / 2) ? Boolean.TRUE : Boolean.FALSE;
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
		return paced(room, rate, duration, Long.MAX_VALUE);
	}

	/**
	 * As {@link #paced(Room, double, Duration)}; after a stall (this thread not scheduled) at most
	 * {@code maxBurst} of the messages that fell due are sent at once and the rest are skipped, as a
	 * client that keeps under the server's per-connection frame budget does.
	 */
	Latency paced(Room room, double rate, Duration duration, long maxBurst) throws InterruptedException {
		Stats.Longs latencies = new Stats.Longs();
		long[] counts = new long[4];
		long start = System.nanoTime();
		onEngine(() -> {
			room.latencies = latencies;
			room.pacedSince = start;
			counts[0] = room.sent;
			counts[2] = room.rejectedCount;
		});
		long end = start + duration.toNanos();
		long due = 0;
		while (System.nanoTime() < end) {
			long shouldHave = (long) ((System.nanoTime() - start) / 1e9 * rate);
			if (shouldHave > due) {
				long burst = Math.min(shouldHave - due, maxBurst);
				due = shouldHave;
				this.engine.submit(() -> {
					for (long i = 0; i < burst; i++) {
						room.send();
					}
				});
			}
			// Until the next message falls due, at least 0.2 ms: high rates stay smooth, low ones cost no spinning.
			long nextDue = start + (long) ((due + 1) / rate * 1e9);
			long nap = Math.max(200_000, Math.min(nextDue, end) - System.nanoTime());
			Thread.sleep(nap / 1_000_000, (int) (nap % 1_000_000));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		awaitQuiet(room);
		int[] samples = new int[1];
		onEngine(() -> {
			room.latencies = null;
			counts[1] = room.sent;
			counts[3] = room.rejectedCount;
			samples[0] = latencies.size;
		});
		long sent = counts[1] - counts[0];
		// A message the server refused went to nobody.
		long expected = (sent - (counts[3] - counts[2])) * (room.size - room.size / 2);
		Stats.Longs l = latencies;
		return new Latency(room.size, rate, sent / seconds, Stats.percentile(l.values, l.size, 0.5),
				Stats.percentile(l.values, l.size, 0.99), Stats.percentile(l.values, l.size, 0.999),
				Stats.percentile(l.values, l.size, 1.0), samples[0], expected - samples[0]);
	}

	Counts counts(Room room) throws InterruptedException {
		Counts[] counts = new Counts[1];
		onEngine(() -> counts[0] = new Counts(room.sent, room.unsent, room.acked, new TreeMap<>(room.rejected), room.delivered,
				new TreeMap<>(room.closeCodes)));
		return counts[0];
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
				state[0] = room.sent - room.settled();
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

		private final boolean withIds;

		final CountDownLatch joined = new CountDownLatch(1);

		CountDownLatch closed;

		boolean windowed;

		Stats.Longs latencies;

		long pacedSince;

		long sent;

		long echoed;

		long delivered;

		/** Acks and error frames the sender received for its messages. */
		long acked;

		final Map<String, Integer> rejected = new TreeMap<>();

		long rejectedCount;

		/** Messages due while the sender's connection was closed: not sent. */
		long unsent;

		private int acks;

		private int gone;

		private int refused;

		/** Close codes of members closed by the server (or the network), and of the members' own closes at leave. */
		final java.util.Map<Integer, Integer> closeCodes = new java.util.TreeMap<>();

		private int errors;

		Room(int size, String name, boolean withIds) {
			this.size = size;
			this.name = name;
			this.withIds = withIds;
			this.join = "{\"type\":\"join\",\"room\":\"" + name + "\"}";
		}

		void fillWindow() {
			while (this.members.get(0).isOpen() && this.sent - this.echoed < WINDOW) {
				send();
			}
		}

		void send() {
			if (!this.members.get(0).isOpen()) {
				this.unsent++;
				return;
			}
			this.sent++;
			String id = this.withIds ? ",\"id\":\"m" + this.sent + "\"" : "";
			this.members.get(0)
				.sendText("{\"type\":\"message\",\"room\":\"" + this.name + "\",\"text\":\"t" + System.nanoTime() + "\"" + id + "}");
		}

		/** Messages the server has answered: acked or refused, or (without ids) come back to the sender. */
		long settled() {
			return this.withIds ? this.acked + this.rejectedCount : this.echoed;
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
			if (kind == 'a' && conn == this.members.get(0)) {
				this.acked++;
				return;
			}
			if (kind == 'e') {
				this.errors++;
				if (conn == this.members.get(0)) {
					this.rejectedCount++;
					this.rejected.merge(errorCode(payload), 1, Integer::sum);
				}
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

		/** {"type":"error","error":"<code>",…}: the code. */
		private static String errorCode(ByteBuffer payload) {
			String frame = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
			int start = frame.indexOf("\"error\":\"") + 9;
			return (start < 9) ? "?" : frame.substring(start, frame.indexOf('"', start));
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
