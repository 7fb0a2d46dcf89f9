package dev.authwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak (issue 17): one instance on the Redis store held for {@code --soak-minutes} under
 * everything at once: {@code --soak-idle} idle authenticated connections from the client
 * processes (heartbeats answered, lost ones reconnected with SPEC §10's pacing), a paced JWT churn
 * of {@code --soak-churn} upgrades per second (upgrade, welcome frame, client close), chat rooms
 * whose senders wait for every ack, {@code /metrics} scraped every second (the heap after GC read from it), the heap measured after
 * a full collection at regular intervals, and Redis stopped in the middle and started again on its
 * port a few seconds later. Every close, refusal and refused message is counted by its code.
 */
final class Soak {

	private static final Duration REDIS_DOWN = Duration.ofSeconds(5);

	/**
	 * The whole load runs this long before the soak is measured: the first scrapes and upgrades
	 * of a fresh JVM are compiled cold. Closes, refusals and errors of the warm-up still count.
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(30);

	private static final int ROOM_SIZE = 20;

	/** Messages per second of each room's sender: a quarter of the per-connection frame budget (20 by default). */
	private static final double ROOM_RATE = 5;

	private static final long SCRAPE_TARGET_NANOS = 20_000_000;

	/**
	 * The churn is paced this much above its target: the upgrades still in flight when a minute
	 * ends are not counted in it.
	 */
	private static final double CHURN_HEADROOM = 1.02;

	/** A log line of the instance at WARN or ERROR: level, logger, message. */
	private static final Pattern WARNING = Pattern.compile("^\\S+\\s+(WARN|ERROR) .*? : (.*)$", Pattern.MULTILINE);

	/** A counter series of the service's own (auth_…_total{…} value). */
	private static final Pattern COUNTER = Pattern.compile("^(auth_\\w+_total(?:\\{[^}]*\\})?) (\\S+)$", Pattern.MULTILINE);

	/** One chat window of one room: when, and the room's counts at its end. */
	record ChatWindow(long startMillis, long endMillis, CrossFanOut.Latency latency, CrossFanOut.Counts counts) {
	}

	record ChurnWindow(long startMillis, long endMillis, Churn.Round round) {
	}

	private final ClusterBench.Options options;

	private final ClusterRig rig;

	private final ClusterReport report;

	private final List<long[]> scrapes = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Integer> scrapeFailures = Collections.synchronizedMap(new TreeMap<>());

	/** {@code jvm_gc_live_data_size_bytes} each time a collection changed it: {epoch ms, bytes}. */
	private final List<long[]> heap = Collections.synchronizedList(new ArrayList<>());

	/** The heap after two forced full collections, in the warm-up and after the soak: {epoch ms, bytes}. */
	private final List<long[]> fullGc = Collections.synchronizedList(new ArrayList<>());

	/** The old generation after a collection that shrank it (Micrometer's live data size). */
	/**
	 * The instance's own time for the scrapes so far: the difference between two scrapes is the
	 * earlier one's time inside the server, without the client's or the network's.
	 */
	private static final Pattern SCRAPES_SERVED = Pattern.compile(
			"^http_server_requests_seconds_(sum|count)\\{[^}]*uri=\"/metrics\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);

	/** Server-side nanoseconds of each measured scrape (from {@link #SCRAPES_SERVED}). */
	private final List<Long> servedNanos = Collections.synchronizedList(new ArrayList<>());

	/** {@link #SCRAPES_SERVED}'s sum and count in the previous scrape's body. */
	private double[] servedBefore;

	private static final Pattern LIVE_DATA = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

	/** Scrapes before this (epoch ms) are the warm-up's. */
	private volatile long measuredFrom = Long.MAX_VALUE;

	private volatile String firstBody;

	private volatile String lastBody;

	private Soak(ClusterBench.Options options, ClusterRig rig, ClusterReport report) {
		this.options = options;
		this.rig = rig;
		this.report = report;
	}

	static void run(ClusterBench.Options options, ClusterRig rig, ClusterReport report) throws Exception {
		new Soak(options, rig, report).run();
	}

	private void run() throws Exception {
		// The churn comes from 16 loopback addresses and 1,000 users, far above any one client's production rate.
		ClusterRig.Node node = this.rig.start(List.of("soak"), ClusterBench.RAISED_LIMITS).get(0);
		Credentials credentials = new Credentials(LoadGenerator.SECRET, node.port);
		int minutes = this.options.soakMinutes;
		String startLoad = Report.loadAverage();
		ExecutorService loads = Executors.newCachedThreadPool();
		ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
		try (Population population = new Population(this.options.agents, this.rig.work());
				WsEngine chatEngine = new WsEngine("soak-chat");
				WsEngine churnEngine = new WsEngine("soak-churn")) {
			population.open(node.port, Population.addresses(4, this.options.soakIdle / Population.PER_ADDRESS), "soak-", 64);
			double ramp = population.awaitAllOpen(Duration.ofMinutes(5));
			AgentProcess.Status opened = population.status();
			System.out.printf("soak: %d of %d idle open after %.1f s%n", opened.open(), opened.clients(), ramp);
			CrossFanOut fanOut = new CrossFanOut(chatEngine, node.port, node.port);
			List<String> chatTokens = credentials.tokens("soak-chat-", ROOM_SIZE);
			List<CrossFanOut.Room> rooms = new ArrayList<>();
			for (int i = 0; i < this.options.soakRooms; i++) {
				rooms.add(fanOut.join(ROOM_SIZE, chatTokens, true));
			}
			Churn churn = new Churn(churnEngine, node.port, 64, node.process::cpuNanos, this.options.soakChurn * CHURN_HEADROOM);
			var requests = Churn.jwt("/ws/chat", credentials.tokens("soak-churn-", 1000));
			Scrape scrape = new Scrape(node.port);
			long start = System.currentTimeMillis() + WARM_UP.toMillis();
			this.measuredFrom = start;
			samplers.scheduleAtFixedRate(() -> scrape(scrape), 0, 1, TimeUnit.SECONDS);
			// Forced full collections stop the instance: one in the warm-up, one after the soak, none in between.
			samplers.schedule(() -> fullGc(node), WARM_UP.toSeconds() / 2, TimeUnit.SECONDS);
			// Each load's first window is the warm-up.
			Future<List<ChurnWindow>> churned = loads.submit(() -> {
				List<ChurnWindow> windows = new ArrayList<>();
				long warmFrom = System.currentTimeMillis();
				windows.add(new ChurnWindow(warmFrom, System.currentTimeMillis(), churn.run("warm-up", requests, WARM_UP, null)));
				for (int m = 0; m < minutes; m++) {
					long from = System.currentTimeMillis();
					Churn.Round round = churn.run("soak", requests, Duration.ofMinutes(1), null);
					windows.add(new ChurnWindow(from, System.currentTimeMillis(), round));
					System.out.printf("soak minute %d: %.0f upgrades/s, refusals %s, unexpected closes %s%n", m + 1,
							round.upgradesPerSecond(), round.refusals(), round.unexpectedCloses());
				}
				return windows;
			});
			List<Future<List<ChatWindow>>> chats = new ArrayList<>();
			for (CrossFanOut.Room room : rooms) {
				chats.add(loads.submit(() -> {
					List<ChatWindow> windows = new ArrayList<>();
					long warmFrom = System.currentTimeMillis();
					CrossFanOut.Latency warm = fanOut.paced(room, ROOM_RATE, WARM_UP, 1);
					windows.add(new ChatWindow(warmFrom, System.currentTimeMillis(), warm, fanOut.counts(room)));
					for (int m = 0; m < minutes; m++) {
						long from = System.currentTimeMillis();
						CrossFanOut.Latency latency = fanOut.paced(room, ROOM_RATE, Duration.ofMinutes(1), 1);
						windows.add(new ChatWindow(from, System.currentTimeMillis(), latency, fanOut.counts(room)));
					}
					return windows;
				}));
			}
			Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
			long[] cpuBefore = { node.process.cpuNanos(), population.cpuNanos(), ownCpuNanos() };
			long pingsBefore = population.status().pings();
			int minOpen = opened.open();
			long half = start + minutes * 30_000L;
			long[] restart = null;
			while (!churned.isDone()) {
				if (restart == null && System.currentTimeMillis() >= half) {
					restart = restartRedis();
				}
				minOpen = Math.min(minOpen, population.status().open());
				Thread.sleep(2000);
			}
			List<ChurnWindow> churnWindows = churned.get();
			List<List<ChatWindow>> chatWindows = new ArrayList<>();
			for (Future<List<ChatWindow>> chat : chats) {
				chatWindows.add(chat.get());
			}
			samplers.shutdown();
			samplers.awaitTermination(2, TimeUnit.MINUTES);
			long end = System.currentTimeMillis();
			fullGc(node);
			AgentProcess.Status held = population.status();
			new Results(start, end, restart, opened, held, minOpen, ramp, held.pings() - pingsBefore, churnWindows, chatWindows,
					new long[] { node.process.cpuNanos() - cpuBefore[0], population.cpuNanos() - cpuBefore[1], ownCpuNanos() - cpuBefore[2] },
					node.process.rss(), node.process.openFiles(), startLoad, warnings(node))
				.write();
			for (CrossFanOut.Room room : rooms) {
				fanOut.leave(room);
			}
		}
		finally {
			samplers.shutdownNow();
			loads.shutdownNow();
			this.rig.stopInstances();
		}
	}

	private static long ownCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
	}

	/** Stops Redis, starts it again; {stopped at, started at, every instance subscribed again at} (epoch ms). */
	private long[] restartRedis() throws Exception {
		long stopped = System.currentTimeMillis();
		System.out.println("soak: Redis stopped");
		this.rig.restartRedis(REDIS_DOWN);
		long started = System.currentTimeMillis();
		long deadline = started + 120_000;
		while (!this.rig.subscribed() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		long subscribed = this.rig.subscribed() ? System.currentTimeMillis() : -1;
		System.out.printf("soak: Redis started again after %.1f s; instance subscribed again after %.1f s%n",
				(started - stopped) / 1e3, (subscribed - started) / 1e3);
		return new long[] { stopped, started, subscribed };
	}

	private void scrape(Scrape scrape) {
		long at = System.currentTimeMillis();
		try {
			Scrape.Sample sample = scrape.sample();
			if (at < this.measuredFrom) {
				return;
			}
			this.scrapes.add(new long[] { at, sample.nanos() });
			served(sample.body());
			Matcher live = LIVE_DATA.matcher(sample.body());
			long bytes = live.find() ? (long) Double.parseDouble(live.group(1)) : 0;
			synchronized (this.heap) {
				if (bytes > 0 && (this.heap.isEmpty() || this.heap.get(this.heap.size() - 1)[1] != bytes)) {
					this.heap.add(new long[] { at, bytes });
				}
			}
			if (this.firstBody == null) {
				this.firstBody = sample.body();
			}
			this.lastBody = sample.body();
		}
		catch (Exception ex) {
			this.scrapeFailures.merge(ex.getClass().getSimpleName() + ": " + ex.getMessage(), 1, Integer::sum);
		}
	}

	private void served(String body) {
		double sum = -1;
		double count = -1;
		Matcher served = SCRAPES_SERVED.matcher(body);
		while (served.find()) {
			double value = Double.parseDouble(served.group(2));
			if (served.group(1).equals("sum")) {
				sum = value;
			}
			else {
				count = value;
			}
		}
		if (sum >= 0 && this.servedBefore != null && count == this.servedBefore[1] + 1) {
			this.servedNanos.add((long) ((sum - this.servedBefore[0]) * 1e9));
		}
		this.servedBefore = new double[] { sum, count };
	}

	private void fullGc(ClusterRig.Node node) {
		try {
			this.fullGc.add(new long[] { System.currentTimeMillis(), node.process.heapAfterGc() });
		}
		catch (Exception ex) {
			this.scrapeFailures.merge("heap: " + ex.getMessage(), 1, Integer::sum);
		}
	}

	/** The service's own counters that moved during the soak: name{labels} → increase. */
	private Map<String, Long> counterIncreases() {
		Map<String, Long> increases = new TreeMap<>();
		if (this.firstBody == null || this.lastBody == null) {
			return increases;
		}
		Map<String, Double> before = counters(this.firstBody);
		counters(this.lastBody).forEach((series, value) -> {
			long increase = Math.round(value - before.getOrDefault(series, 0.0));
			if (increase != 0) {
				increases.put(series, increase);
			}
		});
		return increases;
	}

	/**
	 * The instance's WARN and ERROR lines, counted by level, logger and message with its numbers
	 * and addresses blanked (one line per kind of event).
	 */
	private Map<String, Integer> warnings(ClusterRig.Node node) throws java.io.IOException {
		Map<String, Integer> warnings = new TreeMap<>();
		Matcher matcher = WARNING.matcher(java.nio.file.Files.readString(this.rig.work().resolve(node.id + ".log")));
		while (matcher.find()) {
			String line = matcher.group(0);
			String logger = line.substring(line.lastIndexOf(']', line.indexOf(" : ")) + 1, line.indexOf(" : ")).trim();
			String message = matcher.group(2).replaceAll("\\d+", "N");
			warnings.merge(matcher.group(1) + " " + logger + ": " + message.substring(0, Math.min(160, message.length())), 1,
					Integer::sum);
		}
		return warnings;
	}

	private static Map<String, Double> counters(String body) {
		Map<String, Double> counters = new TreeMap<>();
		Matcher matcher = COUNTER.matcher(body);
		while (matcher.find()) {
			counters.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
		}
		return counters;
	}

	/** What was measured, written as the report's section, CSVs and violations. */
	private final class Results {

		private final long start;

		private final long end;

		private final long[] restart;

		private final AgentProcess.Status opened;

		private final AgentProcess.Status held;

		private final int minOpen;

		private final double ramp;

		private final long pings;

		private final List<ChurnWindow> churn;

		private final List<List<ChatWindow>> chat;

		/** CPU nanoseconds of the instance, the client processes and this one (churn, chat, scrapes). */
		private final long[] cpuNanos;

		private final long rss;

		private final long openFiles;

		private final String startLoad;

		private final Map<String, Integer> warnings;

		Results(long start, long end, long[] restart, AgentProcess.Status opened, AgentProcess.Status held, int minOpen, double ramp,
				long pings, List<ChurnWindow> churn, List<List<ChatWindow>> chat, long[] cpuNanos, long rss, long openFiles,
				String startLoad, Map<String, Integer> warnings) {
			this.start = start;
			this.end = end;
			this.restart = restart;
			this.opened = opened;
			this.held = held;
			this.minOpen = minOpen;
			this.ramp = ramp;
			this.pings = pings;
			this.churn = churn;
			this.chat = chat;
			this.cpuNanos = cpuNanos;
			this.rss = rss;
			this.openFiles = openFiles;
			this.startLoad = startLoad;
			this.warnings = warnings;
		}

		/** Whether [from, to] overlaps the Redis outage and the 30 s after it (reconnects, refused messages). */
		private boolean nearRestart(long from, long to) {
			return this.restart != null && from <= this.restart[1] + 30_000 && to >= this.restart[0];
		}

		void write() throws Exception {
			ClusterBench.Options o = Soak.this.options;
			List<String> violations = Soak.this.report.violations;
			StringBuilder s = new StringBuilder();
			double seconds = (this.end - this.start) / 1e3;
			s.append("One instance (`").append(String.join(" ", o.holdJvm)).append("`, Redis store, heartbeat every 30 s, ")
				.append("the handshake and connection limits raised because the churn comes from 16 loopback addresses) on ")
				.append("embedded-redis's `redis-server`, connected directly. For ").append(o.soakMinutes).append(" min at once: ")
				.append(o.soakIdle).append(" idle authenticated connections from ").append(o.agents).append(" client processes ")
				.append("(10 per source address, one user each, heartbeats answered, a lost connection reconnected with SPEC §10's ")
				.append("pacing); JWT churn paced at ").append(o.soakChurn).append(" upgrades/s + 2 % (1,000 users' tokens, 64 in flight ")
				.append("at most; each connection waits for its welcome frame, then closes with 1000); ").append(o.soakRooms)
				.append(" rooms of ").append(ROOM_SIZE).append(" members in which one sender sends ").append((int) ROOM_RATE)
				.append(" messages/s (never two at once: after a stall of the bench the overdue ones are skipped, as a client that ")
				.append("keeps under the 10 frames/s budget does), each with an `id`, and counts every `ack` or `error`; ")
				.append("`GET /metrics` every second on one ")
				.append("keep-alive connection, each giving the heap after GC (`jvm_gc_live_data_size_bytes`: the old generation ")
				.append("after each collection that shrank it) without stopping the instance; the heap after two forced full ")
				.append("collections (`jcmd GC.run`) once in the warm-up and once after the soak. In the middle Redis is stopped (every ")
				.append("key lost: it keeps nothing on disk) and started again on its port ").append(REDIS_DOWN.toSeconds())
				.append(" s later. Everything runs for ").append(WARM_UP.toSeconds()).append(" s before the soak is measured ")
				.append("(a fresh JVM's first scrapes and upgrades are compiled cold): the scrape times and upgrade rates of that ")
				.append("warm-up are left out, its closes, refusals, errors and messages are counted. Targets: ≥ ").append(o.soakIdle).append(" idle connections throughout, none closed; every ")
				.append("minute ≥ ").append(o.soakChurn).append(" upgrades/s, none refused, none closed by the server; no message ")
				.append("unanswered, none refused outside the restart; `/metrics` p99 < 20 ms; the heap after GC flat.\n\n");
			s.append("Reproduce: `bench/run.sh cluster --scenarios soak --soak-minutes ").append(o.soakMinutes).append(" --soak-idle ")
				.append(o.soakIdle).append(" --soak-churn ").append(o.soakChurn).append("`.\n\n");
			s.append("| | |\n|---|---|\n");
			// Idle connections.
			s.append(String.format("| idle connections open before / lowest / at the end | %d of %d (%.1f s to open) / **%d** / **%d** |%n",
					this.opened.open(), this.opened.clients(), this.ramp, this.minOpen, this.held.open()));
			s.append(String.format("| idle: closed by the server (code → count) / refused (status → count; 0: no HTTP answer) | **%s** / %s |%n",
					this.held.closes(), this.held.refusals()));
			s.append(String.format("| heartbeat pings answered during the soak | %d (%.1f per idle connection) |%n", this.pings,
					this.pings / (double) Math.max(1, this.held.open())));
			// Churn.
			List<ChurnWindow> minutes = this.churn.subList(1, this.churn.size());
			double[] rates = minutes.stream().mapToDouble((w) -> w.round().upgradesPerSecond()).toArray();
			Map<Integer, Integer> churnRefusals = new TreeMap<>();
			Map<Integer, Integer> churnCloses = new TreeMap<>();
			long upgrades = 0;
			for (ChurnWindow w : this.churn) {
				w.round().refusals().forEach((k, v) -> churnRefusals.merge(k, v, Integer::sum));
				w.round().unexpectedCloses().forEach((k, v) -> churnCloses.merge(k, v, Integer::sum));
				upgrades += Math.round(w.round().upgradesPerSecond() * (w.endMillis() - w.startMillis()) / 1e3);
			}
			s.append(String.format("| churn upgrades/s per minute: lowest / median / highest | **%.0f** / %.0f / %.0f (about %d upgrades) |%n",
					Stats.min(rates), Stats.median(rates), Stats.max(rates), upgrades));
			s.append(String.format("| churn: refused (status → count; 0: no HTTP answer) / closed by the server before the client (code → count) | **%s** / **%s** |%n",
					churnRefusals, churnCloses));
			// Chat.
			long sent = 0;
			long unsent = 0;
			long acked = 0;
			long deliveriesMissing = 0;
			Map<String, Integer> rejected = new TreeMap<>();
			Map<Integer, Integer> memberCloses = new TreeMap<>();
			long rejectedOutsideRestart = 0;
			for (List<ChatWindow> room : this.chat) {
				CrossFanOut.Counts last = room.get(room.size() - 1).counts();
				sent += last.sent();
				unsent += last.unsent();
				acked += last.acked();
				last.rejected().forEach((k, v) -> rejected.merge(k, v, Integer::sum));
				last.closes().forEach((k, v) -> memberCloses.merge(k, v, Integer::sum));
				long rejectedBefore = 0;
				for (ChatWindow w : room) {
					deliveriesMissing += w.latency().lost();
					long rejectedNow = w.counts().rejected().values().stream().mapToLong(Integer::longValue).sum();
					if (!nearRestart(w.startMillis(), w.endMillis())) {
						rejectedOutsideRestart += rejectedNow - rejectedBefore;
					}
					rejectedBefore = rejectedNow;
				}
			}
			long rejectedTotal = rejected.values().stream().mapToLong(Integer::longValue).sum();
			long unanswered = sent - acked - rejectedTotal;
			s.append(String.format("| chat messages sent / acked / refused (error → count) / **unanswered** / not sent (the sender closed) | %d / %d / %s / **%d** / %d |%n",
					sent, acked, rejected, unanswered, unsent));
			s.append(String.format("| chat: deliveries to the second half of each room missing (negative: more than the messages not refused account for, i.e. refused messages delivered anyway) / members closed by the server (code → count) | %d / %s |%n",
					deliveriesMissing, memberCloses));
			// /metrics.
			long[] times = Soak.this.scrapes.stream().mapToLong((x) -> x[1]).toArray();
			long p99 = Stats.percentile(times, times.length, 0.99);
			s.append(String.format("| `/metrics` scrapes: count / p50 / **p99** / max / failed | %d / %.1f ms / **%.1f ms** / %.1f ms / %s |%n",
					times.length, Stats.percentile(times, times.length, 0.5) / 1e6, p99 / 1e6,
					Stats.percentile(times, times.length, 1.0) / 1e6, Soak.this.scrapeFailures));
			long[] served = Soak.this.servedNanos.stream().mapToLong(Long::longValue).toArray();
			s.append(String.format("| `/metrics` inside the instance (`http_server_requests_seconds` of each scrape, without the client and the network): count / p50 / p99 / max | %d / %.1f ms / %.1f ms / %.1f ms |%n",
					served.length, Stats.percentile(served, served.length, 0.5) / 1e6,
					Stats.percentile(served, served.length, 0.99) / 1e6, Stats.percentile(served, served.length, 1.0) / 1e6));
			// Heap.
			Growth growth = growth();
			s.append(String.format("| heap after GC (live data size): first / last / samples (collections that changed it) | %.1f MB / %.1f MB / %d |%n",
					growth.first() / 1048576.0, growth.last() / 1048576.0, growth.samples()));
			s.append(String.format("| heap after two forced full collections: in the warm-up → after the soak | %s |%n",
					Soak.this.fullGc.stream().map((x) -> String.format("%.1f MB", x[1] / 1048576.0)).collect(java.util.stream.Collectors.joining(" → "))));
			s.append(String.format("| heap growth per hour, linear fit (± standard error) / residual s.d. | **%+.1f MB/h** (± %.1f) / %.2f MB → **%s** |%n",
					growth.perHour() / 1048576.0, growth.standardError() / 1048576.0, growth.residualSd() / 1048576.0,
					(growth.samples() < 3) ? "not judged (fewer than 3 samples)" : growth.flat() ? "flat" : "growing"));
			// Redis restart.
			if (this.restart != null) {
				s.append(String.format("| Redis stopped at / started again at / instance subscribed again | %.0f s / %.0f s / %s |%n",
						(this.restart[0] - this.start) / 1e3, (this.restart[1] - this.start) / 1e3,
						(this.restart[2] < 0) ? "not within 120 s"
								: String.format("%.1f s after Redis was up", (this.restart[2] - this.restart[1]) / 1e3)));
			}
			s.append(String.format("| CPU cores used on average: instance / idle client processes / churn, chat and scrapes (this process) | %.2f / %.2f / %.2f |%n",
					this.cpuNanos[0] / 1e9 / seconds, this.cpuNanos[1] / 1e9 / seconds, this.cpuNanos[2] / 1e9 / seconds));
			s.append(String.format("| instance at the end: RSS / open files | %.0f MB / %d |%n", this.rss / 1048576.0, this.openFiles));
			s.append("| load average: start / end | ").append(this.startLoad).append(" / ").append(Report.loadAverage()).append(" |\n\n");
			s.append("Per minute (churn and chat windows are a minute each, back to back; the scrapes by their own time; ")
				.append("R: the window overlaps the Redis restart or the 30 s after it):\n\n")
				.append("| minute | churn upgrades/s | churn refused / closed by server | chat sent / acked / refused | `/metrics` p50 / p99 / max ms | |\n")
				.append("|---|---|---|---|---|---|\n");
			for (int m = 0; m < minutes.size(); m++) {
				ChurnWindow w = minutes.get(m);
				long[] chatCounts = new long[3];
				for (List<ChatWindow> room : this.chat) {
					if (m + 1 < room.size()) {
						CrossFanOut.Counts now = room.get(m + 1).counts();
						CrossFanOut.Counts before = room.get(m).counts();
						chatCounts[0] += now.sent() - before.sent();
						chatCounts[1] += now.acked() - before.acked();
						chatCounts[2] += rejectedSum(now) - rejectedSum(before);
					}
				}
				long from = this.start + m * 60_000L;
				long[] minute = Soak.this.scrapes.stream().filter((x) -> x[0] >= from && x[0] < from + 60_000).mapToLong((x) -> x[1]).toArray();
				s.append(String.format("| %d | %.0f | %s / %s | %d / %d / %d | %.1f / %.1f / %.1f | %s |%n", m + 1, w.round().upgradesPerSecond(),
						w.round().refusals(), w.round().unexpectedCloses(), chatCounts[0], chatCounts[1], chatCounts[2],
						Stats.percentile(minute, minute.length, 0.5) / 1e6, Stats.percentile(minute, minute.length, 0.99) / 1e6,
						Stats.percentile(minute, minute.length, 1.0) / 1e6, nearRestart(w.startMillis(), w.endMillis()) ? "R" : ""));
			}
			s.append("\nThe service's own counters that moved during the soak (`/metrics`, first scrape → last):\n\n");
			counterIncreases().forEach((series, increase) -> s.append("- `").append(series).append("`: +").append(increase).append('\n'));
			s.append("\nThe instance's log at WARN and ERROR (its whole life; numbers blanked):\n\n");
			this.warnings.forEach((line, count) -> s.append("- ").append(count).append(" × `").append(line.replace('`', '\'')).append("`\n"));
			s.append("\nEvery scrape and live-data sample: `soak-scrapes.csv`, `soak-heap.csv`.\n");
			Soak.this.report.put("Soak: " + o.soakMinutes + " minutes under idle connections, churn, chat and a Redis restart", s.toString());
			StringBuilder scrapesCsv = new StringBuilder("ms_since_start,scrape_ms\n");
			Soak.this.scrapes.forEach((x) -> scrapesCsv.append(x[0] - this.start).append(',').append(x[1] / 1e6).append('\n'));
			Soak.this.report.csv("soak-scrapes.csv", scrapesCsv.toString());
			StringBuilder heapCsv = new StringBuilder("ms_since_start,live_data_bytes\n");
			Soak.this.heap.forEach((x) -> heapCsv.append(x[0] - this.start).append(',').append(x[1]).append('\n'));
			Soak.this.report.csv("soak-heap.csv", heapCsv.toString());
			// Violations: every target missed, with its numbers.
			if (this.minOpen < o.soakIdle || this.held.open() < o.soakIdle || !this.held.closes().isEmpty()) {
				violations.add("soak: idle connections lowest " + this.minOpen + ", at the end " + this.held.open() + " of " + o.soakIdle
						+ ", closed by the server " + this.held.closes());
			}
			if (Stats.min(rates) < o.soakChurn) {
				violations.add(String.format("soak: churn below %d upgrades/s in some minute (lowest %.0f)", o.soakChurn, Stats.min(rates)));
			}
			if (!churnRefusals.isEmpty() || !churnCloses.isEmpty()) {
				violations.add("soak: churn refused " + churnRefusals + ", closed by the server " + churnCloses);
			}
			if (unanswered != 0 || deliveriesMissing > 0 || rejectedOutsideRestart != 0 || !memberCloses.isEmpty()) {
				violations.add("soak: chat unanswered " + unanswered + ", deliveries missing " + deliveriesMissing
						+ ", refused outside the restart " + rejectedOutsideRestart + ", members closed " + memberCloses);
			}
			if (p99 >= SCRAPE_TARGET_NANOS || !Soak.this.scrapeFailures.isEmpty()) {
				violations.add(String.format("soak: /metrics p99 %.1f ms, failures %s", p99 / 1e6, Soak.this.scrapeFailures));
			}
			if (growth.samples() < 3) {
				violations.add("soak: heap after GC not judged: " + growth.samples()
						+ " live-data samples (no collection shrank the old generation more often)");
			}
			else if (!growth.flat()) {
				violations.add(String.format("soak: heap after GC grows %.1f MB/h (± %.1f)", growth.perHour() / 1048576.0,
						growth.standardError() / 1048576.0));
			}
			if (this.restart == null || this.restart[2] < 0) {
				violations.add("soak: Redis was not restarted, or the instance did not subscribe again within 120 s");
			}
		}

		private static long rejectedSum(CrossFanOut.Counts counts) {
			return counts.rejected().values().stream().mapToLong(Integer::longValue).sum();
		}

		private Growth growth() {
			List<long[]> samples = new ArrayList<>(Soak.this.heap);
			int n = samples.size();
			double[] x = new double[n];
			double[] y = new double[n];
			for (int i = 0; i < n; i++) {
				x[i] = (samples.get(i)[0] - this.start) / 1e3;
				y[i] = samples.get(i)[1];
			}
			if (n < 3) {
				return new Growth(n, (n > 0) ? y[0] : 0, (n > 0) ? y[n - 1] : 0, Double.NaN, Double.NaN, Double.NaN, 0);
			}
			double slope = Stats.slope(x, y);
			double mx = java.util.Arrays.stream(x).average().orElse(0);
			double my = java.util.Arrays.stream(y).average().orElse(0);
			double residuals = 0;
			double spread = 0;
			for (int i = 0; i < n; i++) {
				double r = y[i] - (my + slope * (x[i] - mx));
				residuals += r * r;
				spread += (x[i] - mx) * (x[i] - mx);
			}
			double residualSd = Math.sqrt(residuals / (n - 2));
			return new Growth(n, y[0], y[n - 1], slope * 3600, residualSd / Math.sqrt(spread) * 3600, residualSd,
					(x[n - 1] - x[0]) / 3600);
		}

	}

	/**
	 * The heap after GC against time, fitted by least squares. Flat: the slope is not
	 * significantly above zero (below two standard errors), or the growth it predicts over the
	 * whole soak stays within twice the samples' scatter around the line.
	 */
	record Growth(int samples, double first, double last, double perHour, double standardError, double residualSd,
			double spanHours) {

		boolean flat() {
			if (this.samples < 3) {
				return false;
			}
			return this.perHour <= 2 * this.standardError || this.perHour * this.spanHours <= 2 * this.residualSd;
		}

	}

}
