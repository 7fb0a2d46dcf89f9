package dev.authwatch.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Churn: a fixed number of connections in flight, each one upgrading, being closed by the client
 * with 1000 as soon as the 101 arrives, and replaced by a new one when the server's close has
 * arrived. Counts upgrades completed inside the timed window and the latency from TCP connect to
 * the 101. The server-side TIME_WAIT sockets are spread over 16 loopback addresses. The CPU time
 * the server and this client used inside the window, per upgrade, tells their costs apart from
 * the rate (both share the machine's cores). Paced (the soak), it starts at most {@code rate}
 * upgrades per second and closes each connection once its welcome frame has arrived; any close
 * the server sends first is counted as unexpected.
 */
final class Churn {

	/** Where one upgrade goes and what it carries. */
	record Request(String pathAndQuery, String headers) {
	}

	/**
	 * @param refusals HTTP status → count (0: no HTTP answer)
	 * @param unexpectedCloses close code → count of connections the client had not closed yet
	 */
	record Round(String method, double upgradesPerSecond, int refused, int closesBeforeOpen, boolean supplyExhausted,
			double serverCpuMicrosPerUpgrade, double clientCpuMicrosPerUpgrade, Map<Integer, Integer> refusals,
			Map<Integer, Integer> unexpectedCloses) {
	}

	private static final int ADDRESSES = 16;

	private final WsEngine engine;

	private final int port;

	private final int concurrency;

	private final LongSupplier serverCpuNanos;

	/** Upgrades started per second at most; 0: as fast as {@code concurrency} allows. */
	private final double rate;

	Churn(WsEngine engine, int port, int concurrency, LongSupplier serverCpuNanos) {
		this(engine, port, concurrency, serverCpuNanos, 0);
	}

	/** Paced: at most {@code rate} upgrades started per second, each closed after its welcome frame. */
	Churn(WsEngine engine, int port, int concurrency, LongSupplier serverCpuNanos, double rate) {
		this.engine = engine;
		this.port = port;
		this.concurrency = concurrency;
		this.serverCpuNanos = serverCpuNanos;
		this.rate = rate;
	}

	private static long clientCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
	}

	/** Upgrades to a path that asks for no credential. */
	static Supplier<Request> unauthenticated(String path) {
		return () -> new Request(path, "");
	}

	/** Reconnecting clients: the same tokens again and again, in the {@code Authorization} header. */
	static Supplier<Request> jwt(String path, List<String> tokens) {
		int[] next = { 0 };
		return () -> new Request(path, "Authorization: Bearer " + tokens.get(next[0]++ % tokens.size()) + "\r\n");
	}

	/** Each token used once: the validator has never seen it (no verified-token cache hit). */
	static Supplier<Request> freshJwt(Queue<String> tokens) {
		return () -> {
			String token = tokens.poll();
			return (token != null) ? new Request("/ws/chat", "Authorization: Bearer " + token + "\r\n") : null;
		};
	}

	static Supplier<Request> ticket(Queue<String> tickets) {
		return () -> {
			String ticket = tickets.poll();
			return (ticket != null) ? new Request("/ws/chat?ticket=" + ticket, "") : null;
		};
	}

	/**
	 * @param latencies where the handshake latencies (ns) of the timed window go, or null for a warm-up
	 */
	Round run(String method, Supplier<Request> requests, Duration duration, Stats.Longs latencies) throws InterruptedException {
		Run run = new Run(requests, latencies);
		CountDownLatch started = new CountDownLatch(1);
		this.engine.submit(() -> {
			run.startCpu = cpu();
			run.startNanos = System.nanoTime();
			for (int i = 0; i < this.concurrency; i++) {
				run.next();
			}
			started.countDown();
		});
		started.await();
		pace(run, duration);
		CountDownLatch stopped = new CountDownLatch(1);
		long[] window = new long[2];
		long[][] endCpu = new long[1][];
		this.engine.submit(() -> {
			run.stopped = true;
			// A one-use supply that ran out ends the window where it ran out, not at the end of the round.
			window[0] = run.exhausted ? run.upgradesAtExhaustion : run.upgrades;
			window[1] = (run.exhausted ? run.exhaustedAtNanos : System.nanoTime()) - run.startNanos;
			endCpu[0] = run.exhausted ? run.cpuAtExhaustion : cpu();
			stopped.countDown();
		});
		stopped.await();
		awaitDrained();
		double upgrades = window[0];
		return new Round(method, upgrades * 1e9 / window[1], run.refused, run.failed, run.exhausted,
				(endCpu[0][0] - run.startCpu[0]) / 1e3 / upgrades, (endCpu[0][1] - run.startCpu[1]) / 1e3 / upgrades,
				run.refusals, run.unexpectedCloses);
	}

	/** Waits out the round; paced, releases the upgrades that have fallen due every few milliseconds. */
	private void pace(Run run, Duration duration) throws InterruptedException {
		if (this.rate <= 0) {
			Thread.sleep(duration.toMillis());
			return;
		}
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			Thread.sleep(4);
			this.engine.submit(run::release);
		}
	}

	/** Server and client CPU nanoseconds so far. */
	private long[] cpu() {
		return new long[] { this.serverCpuNanos.getAsLong(), clientCpuNanos() };
	}

	private void awaitDrained() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			int[] live = { -1 };
			CountDownLatch read = new CountDownLatch(1);
			this.engine.submit(() -> {
				live[0] = this.engine.live();
				read.countDown();
			});
			read.await();
			if (live[0] == 0) {
				return;
			}
			Thread.sleep(50);
		}
	}

	private final class Run implements WsEngine.Listener {

		private final Supplier<Request> requests;

		private final Stats.Longs latencies;

		long startNanos;

		long[] startCpu;

		long[] cpuAtExhaustion;

		boolean stopped;

		boolean exhausted;

		long exhaustedAtNanos;

		long upgradesAtExhaustion;

		long upgrades;

		int refused;

		int failed;

		/** Paced: upgrades started, and slots waiting for their turn. */
		private long begun;

		private int waiting;

		final Map<Integer, Integer> refusals = new TreeMap<>();

		final Map<Integer, Integer> unexpectedCloses = new TreeMap<>();

		private int address;

		Run(Supplier<Request> requests, Stats.Longs latencies) {
			this.requests = requests;
			this.latencies = latencies;
		}

		void next() {
			if (this.stopped) {
				return;
			}
			if (Churn.this.rate > 0 && this.begun >= due()) {
				this.waiting++;
				return;
			}
			Request request = this.requests.get();
			if (request == null) {
				if (!this.exhausted) {
					this.exhausted = true;
					this.exhaustedAtNanos = System.nanoTime();
					this.cpuAtExhaustion = cpu();
					this.upgradesAtExhaustion = this.upgrades;
				}
				return;
			}
			this.begun++;
			String host = "127.0.0." + (1 + (this.address++ % ADDRESSES));
			Churn.this.engine.open(new InetSocketAddress(host, Churn.this.port), request.pathAndQuery(), request.headers(), this);
		}

		private long due() {
			return (long) ((System.nanoTime() - this.startNanos) / 1e9 * Churn.this.rate);
		}

		/** Starts the paced upgrades that have fallen due, one waiting slot each. */
		void release() {
			long due = due();
			while (this.waiting > 0 && this.begun < due && !this.stopped) {
				this.waiting--;
				next();
			}
		}

		@Override
		public void onOpen(WsEngine.Conn conn, long handshakeNanos) {
			if (!this.stopped) {
				this.upgrades++;
				if (this.latencies != null) {
					this.latencies.add(handshakeNanos);
				}
			}
			if (Churn.this.rate <= 0) {
				close(conn);
			}
		}

		private void close(WsEngine.Conn conn) {
			conn.attachment = Boolean.TRUE;
			conn.close(1000);
		}

		@Override
		public void onText(WsEngine.Conn conn, ByteBuffer payload) {
			// Paced: the first frame is the welcome; a connection that got it has done its work.
			close(conn);
		}

		@Override
		public void onRefused(WsEngine.Conn conn, int status) {
			if (status == 0) {
				this.failed++;
			}
			else {
				this.refused++;
			}
			this.refusals.merge(status, 1, Integer::sum);
			next();
		}

		@Override
		public void onClosed(WsEngine.Conn conn, int code) {
			if (conn.attachment == null) {
				this.unexpectedCloses.merge(code, 1, Integer::sum);
			}
			next();
		}

	}

}
