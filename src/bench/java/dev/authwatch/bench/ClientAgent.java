package dev.authwatch.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One client process of the population scenarios (idle hold, failover, reconnect storm): up to a
 * few thousand authenticated connections, one user each, from given loopback source addresses,
 * answering heartbeats and, when a connection is lost or refused, reconnecting as SPEC §10's client
 * does: full-jitter exponential backoff, {@code uniform(0, min(20 s, 0.5 s × 2^attempt))}, the
 * first attempt after a lost connection already jittered (attempt 0: 0–0.5 s), the attempt count
 * reset by a successful upgrade; 4003 and 1008 stop the client. A process stays under the
 * 20,000 open-file limit; the orchestrator ({@link AgentProcess}) starts as many as it needs and
 * drives them over standard input, one command per line, one answer line each:
 * <pre>
 * open PORT COUNT IP,IP,... PREFIX IN_FLIGHT   clients round-robin over the source addresses
 * status                                       open, pending, refusals, closes, pings
 * events SINCE_EPOCH_MS                        every upgrade, refusal and close since then: ms,status;... (a close as
 *                                              minus its close code)
 * recovery SINCE_EPOCH_MS                      loss → open durations (ms) of connections lost since then
 * close                                        closes every connection (1000) and exits
 * </pre>
 */
public final class ClientAgent {

	private static final long BASE_MILLIS = 500;

	private static final long CAP_MILLIS = 20_000;

	/** Source ports 10,000 … 29,999 (the ephemeral range starts at 32,768): 10 clients per address, 2,000 ports each. */
	private static final int FIRST_PORT = 10_000;

	private static final int SLOTS = 10;

	private static final int PORTS = 2_000;

	private final WsEngine engine = new WsEngine("agent-nio");

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final List<Client> clients = new ArrayList<>();

	private final ArrayDeque<Client> queue = new ArrayDeque<>();

	private final Map<Integer, Integer> refusals = new TreeMap<>();

	private final Map<Integer, Integer> closes = new TreeMap<>();

	/** Upgrades (101) and refusals (HTTP status, 0: no HTTP answer) with their epoch milliseconds. */
	private long[] eventTimes = new long[1 << 16];

	private int[] eventKinds = new int[1 << 16];

	private int events;

	/** Clients lost (closed by the other end) and when they were back. */
	private final List<long[]> recoveries = new ArrayList<>();

	private int open;

	private int inFlight;

	private int maxInFlight;

	private boolean closing;

	private final Credentials credentials = new Credentials(LoadGenerator.SECRET, 0);

	private final class Client implements WsEngine.Listener {

		final InetSocketAddress server;

		final String address;

		/** Source ports {@code firstPort … firstPort + PORTS - 1}, one per attempt in turn (below the ephemeral range). */
		final int firstPort;

		int nextPort;

		final String header;

		int attempt;

		long lostAt;

		boolean stopped;

		boolean queued;

		Client(InetSocketAddress server, String address, int slot, String header) {
			this.server = server;
			this.address = address;
			this.firstPort = FIRST_PORT + slot * PORTS;
			this.header = header;
		}

		void connect() {
			if (ClientAgent.this.closing || this.stopped) {
				return;
			}
			try {
				InetSocketAddress local = new InetSocketAddress(this.address, this.firstPort + this.nextPort);
				this.nextPort = (this.nextPort + 1) % PORTS;
				ClientAgent.this.engine.open(this.server, local, "/ws/chat", this.header, this);
			}
			catch (UncheckedIOException ex) {
				// No source port left or similar: counted as a connection that got no HTTP answer.
				onRefused(null, 0);
			}
		}

		private void settled() {
			if (this.queued) {
				this.queued = false;
				ClientAgent.this.inFlight--;
				ClientAgent.this.drain();
			}
		}

		@Override
		public void onOpen(WsEngine.Conn conn, long handshakeNanos) {
			long now = System.currentTimeMillis();
			event(now, 101);
			ClientAgent.this.open++;
			this.attempt = 0;
			if (this.lostAt > 0) {
				ClientAgent.this.recoveries.add(new long[] { this.lostAt, now });
				this.lostAt = 0;
			}
			settled();
		}

		@Override
		public void onRefused(WsEngine.Conn conn, int status) {
			event(System.currentTimeMillis(), status);
			ClientAgent.this.refusals.merge(status, 1, Integer::sum);
			settled();
			retry();
		}

		@Override
		public void onClosed(WsEngine.Conn conn, int code) {
			ClientAgent.this.open--;
			if (ClientAgent.this.closing) {
				return;
			}
			ClientAgent.this.closes.merge(code, 1, Integer::sum);
			event(System.currentTimeMillis(), -code);
			if (this.lostAt == 0) {
				this.lostAt = System.currentTimeMillis();
			}
			if (code == 4003 || code == 1008) {
				this.stopped = true;
				return;
			}
			retry();
		}

		private void retry() {
			long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(this.attempt, 20));
			this.attempt++;
			long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
			ClientAgent.this.timer.schedule(() -> ClientAgent.this.engine.submit(this::connect), delay, TimeUnit.MILLISECONDS);
		}

	}

	private void event(long millis, int kind) {
		if (this.events == this.eventTimes.length) {
			this.eventTimes = java.util.Arrays.copyOf(this.eventTimes, this.events * 2);
			this.eventKinds = java.util.Arrays.copyOf(this.eventKinds, this.events * 2);
		}
		this.eventTimes[this.events] = millis;
		this.eventKinds[this.events++] = kind;
	}

	private void drain() {
		while (this.inFlight < this.maxInFlight && !this.queue.isEmpty()) {
			Client next = this.queue.poll();
			next.queued = true;
			this.inFlight++;
			next.connect();
		}
	}

	private void add(int port, int count, String[] addresses, String prefix, int window) {
		InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
		int first = this.clients.size();
		for (int i = 0; i < count; i++) {
			String token = this.credentials.token(prefix + (first + i));
			int slot = i / addresses.length;
			if (slot >= SLOTS) {
				throw new IllegalArgumentException("at most " + SLOTS + " clients per source address");
			}
			Client client = new Client(server, addresses[i % addresses.length], slot, "Authorization: Bearer " + token + "\r\n");
			this.clients.add(client);
			this.queue.add(client);
		}
		this.maxInFlight = window;
		drain();
	}

	private String status() {
		int pending = 0;
		int stopped = 0;
		for (Client client : this.clients) {
			pending += (client.lostAt > 0 || client.queued) ? 1 : 0;
			stopped += client.stopped ? 1 : 0;
		}
		return "status clients=" + this.clients.size() + " open=" + this.open + " lost=" + pending + " stopped=" + stopped
				+ " queued=" + this.queue.size() + " pings=" + this.engine.pingsAnswered + " refusals=" + this.refusals
				+ " closes=" + this.closes;
	}

	private String events(long since) {
		StringBuilder out = new StringBuilder("events ");
		for (int i = 0; i < this.events; i++) {
			if (this.eventTimes[i] >= since) {
				out.append(this.eventTimes[i]).append(',').append(this.eventKinds[i]).append(';');
			}
		}
		return out.toString();
	}

	private String recovery(long since) {
		StringBuilder out = new StringBuilder("recovery ");
		int notBack = 0;
		for (Client client : this.clients) {
			if (client.lostAt >= since) {
				notBack++;
			}
		}
		out.append(notBack).append(' ');
		for (long[] r : this.recoveries) {
			if (r[0] >= since) {
				out.append(r[0]).append(',').append(r[1]).append(';');
			}
		}
		return out.toString();
	}

	/** Runs {@code task} on the engine thread and returns what it answers. */
	private String onEngine(java.util.function.Supplier<String> task) throws InterruptedException {
		String[] answer = new String[1];
		CountDownLatch done = new CountDownLatch(1);
		this.engine.submit(() -> {
			answer[0] = task.get();
			done.countDown();
		});
		done.await();
		return answer[0];
	}

	public static void main(String[] args) throws Exception {
		ClientAgent agent = new ClientAgent();
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			String[] words = line.trim().split(" ");
			switch (words[0]) {
				case "open" -> out.println(agent.onEngine(() -> {
					agent.add(Integer.parseInt(words[1]), Integer.parseInt(words[2]), words[3].split(","), words[4],
							Integer.parseInt(words[5]));
					return "ok";
				}));
				case "status" -> out.println(agent.onEngine(agent::status));
				case "events" -> out.println(agent.onEngine(() -> agent.events(Long.parseLong(words[1]))));
				case "recovery" -> out.println(agent.onEngine(() -> agent.recovery(Long.parseLong(words[1]))));
				case "close" -> {
					out.println(agent.onEngine(() -> {
						agent.closing = true;
						agent.clients.forEach((c) -> c.stopped = true);
						return "ok";
					}));
					agent.timer.shutdownNow();
					agent.engine.close();
					return;
				}
				default -> out.println("unknown command " + words[0]);
			}
		}
		agent.timer.shutdownNow();
		agent.engine.close();
	}

}
