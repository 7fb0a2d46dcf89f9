package dev.authwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster benchmarks of docs/benchmarks.md ("Cluster"): AuthWatch JVMs on one Redis, behind
 * the shipped nginx where a scenario says so. Run it through {@code bench/run.sh cluster}.
 * <pre>
 * --out DIR                 results directory (docs/benchmarks/cluster)
 * --scenarios LIST          broadcast,directory,idle,failover,storm (soak runs only when named)
 * --server-jvm "FLAGS"      JVM flags of every instance ("-Xmx256m"; the scenarios that hold
 *                           19,000 connections per instance use --hold-jvm)
 * --hold-jvm "FLAGS"        ("-Xmx512m")
 * --rooms 10,100,1000       broadcast room sizes
 * --rounds N                broadcast saturation rounds per size and directory rounds per side (5)
 * --round-seconds S         (5 for broadcast, 8 for directory)
 * --idle N                  idle connections across two instances through nginx (38000)
 * --hold-seconds S          how long they are held (120)
 * --failover N              connections on the instance that is killed (10000)
 * --storm N                 clients of the single instance that is killed and started again (10000)
 * --agents N                client processes (each under the 20,000 open-file limit) (3)
 * --soak-minutes N          how long the soak runs (30)
 * --soak-idle N             idle connections it holds on its one instance (15000)
 * --soak-churn N            JWT upgrades per second it keeps up throughout (500)
 * --soak-rooms N            chat rooms of 20, each with a sender at 5 acknowledged messages/s (5)
 * </pre>
 * The 30-minute soak of issue 17 (about 35 minutes with the start and the ramp):
 * {@code bench/run.sh cluster --scenarios soak}; a smoke run of it:
 * {@code bench/run.sh cluster --scenarios soak --soak-minutes 2 --soak-idle 2000 --soak-churn 100}.
 */
public final class ClusterBench {

	/** Every room, directory and rate limit as in production, except where a scenario says why not. */
	static final List<String> RAISED_LIMITS = List.of("--authwatch.rate-limit.handshake-per-ip=100000000",
			"--authwatch.rate-limit.handshake-per-account=100000000", "--authwatch.rate-limit.connections-per-client=100000",
			"--authwatch.rate-limit.connections-per-user=100000");

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Files.createDirectories(options.out);
		ClusterReport report = new ClusterReport(options.out);
		report.setup(options);
		try (ClusterRig rig = new ClusterRig(Path.of("target", "bench-cluster"), options.javaHome, options.serverJvm)) {
			// Interrupted (Ctrl-C, kill): the instances, nginx and Redis go too.
			Thread cleanup = new Thread(() -> {
				try {
					rig.close();
				}
				catch (Exception ex) {
					// exiting anyway
				}
			});
			Runtime.getRuntime().addShutdownHook(cleanup);
			if (options.scenarios.contains("broadcast")) {
				guarded("broadcast", report, () -> broadcast(options, rig, report));
			}
			if (options.scenarios.contains("directory")) {
				guarded("directory", report, () -> directory(options, rig, report));
			}
			rig.jvm = options.holdJvm;
			if (options.scenarios.contains("idle")) {
				guarded("idle", report, () -> idle(options, rig, report));
			}
			if (options.scenarios.contains("failover")) {
				guarded("failover", report, () -> failover(options, rig, report));
			}
			if (options.scenarios.contains("storm")) {
				guarded("storm", report, () -> storm(options, rig, report));
			}
			if (options.scenarios.contains("soak")) {
				guarded("soak", report, () -> Soak.run(options, rig, report));
			}
		}
		finally {
			report.write();
		}
		if (!report.violations.isEmpty()) {
			System.err.println("Assertions failed: " + report.violations);
			System.exit(1);
		}
	}

	interface Scenario {

		void run() throws Exception;

	}

	/** A scenario that fails is reported as such; the next one runs on a fresh cluster. */
	private static void guarded(String name, ClusterReport report, Scenario scenario) {
		try {
			scenario.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			report.violations.add(name + " did not complete: " + ex.getMessage());
		}
	}

	/** nginx workers for {@code connections} proxied WebSockets: two descriptors each, 20,000 per worker, uneven accepts. */
	private static int nginxWorkers(int connections) {
		int needed = (int) Math.ceil(2.0 * connections / 12_000);
		// 0: the shipped worker_processes (8) admits it.
		return (needed <= 8) ? 0 : needed;
	}

	/**
	 * Idle authenticated connections across two instances through nginx, steered half and half
	 * (each instance holds at most {@code server.tomcat.max-connections}, 19,500), held with
	 * heartbeats; the directory's Redis memory per connection.
	 */
	private static void idle(Options options, ClusterRig rig, ClusterReport report) throws Exception {
		List<ClusterRig.Node> nodes = rig.start(List.of("idle-a", "idle-b"), List.of());
		int workers = nginxWorkers(options.idle);
		int nginx = rig.startNginx(nodes, workers);
		NginxHash hash = new NginxHash(nodes.stream().map(ClusterRig.Node::upstream).toList());
		int perInstance = options.idle / 2 / Population.PER_ADDRESS;
		List<List<String>> steered = Population.steer(hash, 1, new int[] { perInstance, perInstance });
		Thread.sleep(3000);
		long memoryBefore = rig.redisUsedMemory();
		long keysBefore = rig.redisKeys();
		String startLoad = Report.loadAverage();
		try (Population population = new Population(options.agents, rig.work())) {
			long start = System.nanoTime();
			long startMillis = System.currentTimeMillis();
			List<String> all = new ArrayList<>(steered.get(0));
			all.addAll(steered.get(1));
			java.util.Collections.shuffle(all, new java.util.Random(1));
			population.open(nginx, all, "idle-", 64);
			double rampSeconds = population.awaitAllOpen(Duration.ofMinutes(5));
			AgentProcess.Status opened = population.status();
			System.out.printf("idle: %d of %d open after %.1f s%n", opened.open(), opened.clients(), (System.nanoTime() - start) / 1e9);
			String rampLoad = Report.loadAverage();
			// Two directory intervals: every connection written.
			Thread.sleep(3000);
			long memoryAfter = rig.redisUsedMemory();
			long keysAfter = rig.redisKeys();
			long[] active = { Population.activeConnections(nodes.get(0).port), Population.activeConnections(nodes.get(1).port) };
			long[] rss = { nodes.get(0).process.rss(), nodes.get(1).process.rss() };
			long pingsBefore = opened.pings();
			long holdMillis = System.currentTimeMillis();
			Thread.sleep(options.holdSeconds * 1000L);
			AgentProcess.Status held = population.status();
			long[] activeEnd = { Population.activeConnections(nodes.get(0).port), Population.activeConnections(nodes.get(1).port) };
			String endLoad = Report.loadAverage();
			String nginxErrors = rig.nginxErrors();
			long workerConnectionErrors = nginxErrors.lines().filter((l) -> l.contains("worker_connections are not enough")).count();
			List<String> otherNginxErrors = nginxErrors.lines()
				.filter((l) -> !l.contains("worker_connections are not enough") && (l.contains("[error]") || l.contains("[crit]") || l.contains("[alert]")))
				.toList();
			String closes = population.closes(startMillis).stream()
				.map((close) -> String.format("%d at %.1f s (%s)", close[1], (close[0] - startMillis) / 1e3, (close[0] < holdMillis) ? "opening" : "holding"))
				.collect(java.util.stream.Collectors.joining(", "));
			String serverDisconnects = disconnects(nodes.get(0).port) + "; B: " + disconnects(nodes.get(1).port);
			List<String> warnings = new ArrayList<>(rig.warnings(nodes.get(0)));
			warnings.addAll(rig.warnings(nodes.get(1)));
			StringBuilder s = new StringBuilder();
			s.append("Two instances (`").append(String.join(" ", options.holdJvm)).append("`, production defaults: ")
				.append("heartbeat every 30 s, rate and connection limits as shipped) behind the shipped nginx with ")
				.append((workers == 0) ? "the shipped 8" : Integer.toString(workers)).append(" workers (`worker_processes` is the one line the rig may change; ")
				.append("each worker's 19,500 `worker_connections` hold at most 9,750 proxied WebSockets, two connections each). ")
				.append(options.agents).append(" client processes; ").append(Population.PER_ADDRESS)
				.append(" clients per source address (127.1.x.y), each its own user, addresses chosen by nginx's consistent hash ")
				.append("so that each instance gets half (Tomcat's `max-connections` is 19,500 per instance). Opened 64 at a time ")
				.append("per client process; then held ").append(options.holdSeconds).append(" s. Target: ≥ 38,000, heartbeats ")
				.append("answered, none closed.\n\n")
				.append("| | |\n|---|---|\n")
				.append(String.format("| connections open / wanted | **%d** / %d (instance A %d, B %d by their own gauges) |%n",
						opened.open(), opened.clients(), active[0], active[1]))
				.append(String.format("| time to open them | %.1f s (%.0f upgrades/s through nginx) |%n", rampSeconds,
						opened.clients() / rampSeconds))
				.append(String.format("| refused while opening | %s (status → count; 0: no HTTP answer) |%n", opened.refusals()))
				.append(String.format("| after %d s: open / closed unexpectedly (code → count) | **%d** / %s (gauges: A %d, B %d) |%n",
						options.holdSeconds, held.open(), held.closes(), activeEnd[0], activeEnd[1]))
				.append(String.format("| heartbeat pings answered during the hold | %d (%.1f per connection) |%n", held.pings() - pingsBefore,
						(held.pings() - pingsBefore) / (double) Math.max(1, held.open())))
				.append(String.format("| Redis `used_memory` before → after | %.1f MB → %.1f MB: **%.0f bytes per connection** (keys %d → %d) |%n",
						memoryBefore / 1048576.0, memoryAfter / 1048576.0, (memoryAfter - memoryBefore) / (double) opened.open(),
						keysBefore, keysAfter))
				.append(String.format("| instance RSS | A %.0f MB, B %.0f MB |%n", rss[0] / 1048576.0, rss[1] / 1048576.0))
				.append(String.format("| each unexpected close: code at time since the first open (phase) | %s |%n", closes.isEmpty() ? "none" : closes))
				.append("| instances' `auth_ws_disconnects_total` by reason | A: ").append(serverDisconnects).append(" |\n")
				.append(String.format("| instances' WARN and ERROR log lines (count; first three) | %d; %s |%n", warnings.size(),
						String.join(" / ", warnings.subList(0, Math.min(3, warnings.size()))).replace("|", "\\|")))
				.append(String.format("| nginx \"worker_connections are not enough\" | %d |%n", workerConnectionErrors))
				.append(String.format("| nginx's other errors (count; first three) | %d; %s |%n", otherNginxErrors.size(),
						String.join(" / ", otherNginxErrors.subList(0, Math.min(3, otherNginxErrors.size()))).replace("|", "\\|")))
				.append("| load average: start / opened / end of hold | ").append(startLoad).append(" / ").append(rampLoad).append(" / ")
				.append(endLoad).append(" |\n");
			report.put("Idle connections across two instances through nginx", s.toString());
			if (held.open() < options.idle || !held.closes().isEmpty()) {
				report.violations.add("idle: " + held.open() + " open, closes " + held.closes());
			}
			// A directory a few seconds behind during a saturating ramp is reported above; an
			// instance whose health changed (a Redis breaker opened) fails the scenario.
			warnings.stream()
				.filter((line) -> line.contains(" ERROR ") || line.contains("HealthLevelWatcher"))
				.findFirst()
				.ifPresent((line) -> report.violations.add("idle: an instance logged " + line));
		}
		finally {
			rig.stopInstances();
		}
	}

	/**
	 * Failover: {@code failover} connections on instance A (through nginx, steered), a fifth as many
	 * on each of B and C; A is SIGKILLed; its clients reconnect with the client's pacing through nginx.
	 */
	private static void failover(Options options, ClusterRig rig, ClusterReport report) throws Exception {
		List<ClusterRig.Node> nodes = rig.start(List.of("fo-a", "fo-b", "fo-c"), List.of());
		int others = options.failover / 5;
		int workers = nginxWorkers(options.failover + 2 * others);
		int nginx = rig.startNginx(nodes, workers);
		NginxHash hash = new NginxHash(nodes.stream().map(ClusterRig.Node::upstream).toList());
		List<List<String>> steered = Population.steer(hash, 3, new int[] { options.failover / Population.PER_ADDRESS,
				others / Population.PER_ADDRESS, others / Population.PER_ADDRESS });
		try (Population population = new Population(options.agents, rig.work())) {
			for (int i = 0; i < 3; i++) {
				population.open(nginx, steered.get(i), "fo" + i + "-", 64);
			}
			double ramp = population.awaitAllOpen(Duration.ofMinutes(3));
			System.out.printf("failover: all open after %.1f s%n", ramp);
			Thread.sleep(3000);
			long[] before = active(nodes);
			String load = Report.loadAverage();
			long killedAt = System.currentTimeMillis();
			nodes.get(0).process.kill();
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			AgentProcess.Status status = population.status();
			while (System.nanoTime() < deadline) {
				status = population.status();
				if (status.lost() == 0) {
					break;
				}
				Thread.sleep(500);
			}
			String endLoad = Report.loadAverage();
			AgentProcess.Recovery recovery = population.recovery(killedAt);
			List<long[]> events = population.attempts(killedAt);
			long[] backAt = recovery.back().stream().mapToLong((r) -> r[1] - killedAt).sorted().toArray();
			int lostCount = backAt.length + recovery.notBack();
			long[] after = { 0, Population.activeConnections(nodes.get(1).port), Population.activeConnections(nodes.get(2).port) };
			StringBuilder s = new StringBuilder();
			s.append("Three instances (`").append(String.join(" ", options.holdJvm)).append("`, production defaults) behind the shipped ")
				.append("nginx (").append((workers == 0) ? "the shipped 8" : Integer.toString(workers)).append(" workers); ").append(options.failover).append(" connections steered to A, ")
				.append(others).append(" to each of B and C, 10 per source address. A is SIGKILLed; each client reconnects as ")
				.append("SPEC §10's does (full-jitter backoff 0.5 s … 20 s, first attempt after 0–0.5 s) through nginx, which ")
				.append("retries another upstream when A refuses (`proxy_next_upstream error`) and leaves A out after 3 failures. ")
				.append("Times from the SIGKILL. Target: the time until 99 % are reconnected, with this pacing.\n\n")
				.append("| | |\n|---|---|\n")
				.append(String.format("| connections before (instance gauges A / B / C) | %d / %d / %d |%n", before[0], before[1], before[2]))
				.append(String.format("| lost | %d |%n", lostCount))
				.append(String.format("| reconnected: 50 %% / 90 %% / **99 %%** / 100 %% | %s / %s / **%s** / %s s |%n", at(backAt, lostCount, 0.5),
						at(backAt, lostCount, 0.9), at(backAt, lostCount, 0.99), at(backAt, lostCount, 1.0)))
				.append(String.format("| not back 120 s after the kill | %d |%n", recovery.notBack()))
				.append(String.format("| after (gauges B / C) | %d / %d |%n", after[1], after[2]))
				.append(String.format("| upgrades and refusals after the kill (status → count; 0: no HTTP answer) | %s |%n", countByKind(events)))
				.append("| load average: at the kill / end | ").append(load).append(" / ").append(endLoad).append(" |\n\n")
				.append("Upgrades after the kill, per 5 s (101 / refused): ").append(timeline(events, killedAt)).append('\n');
			report.put("Failover: an instance SIGKILLed behind nginx", s.toString());
			report.csv("failover-events.csv", csvOf(events, killedAt));
			fiveHundreds(events, "failover", report);
		}
		finally {
			rig.stopInstances();
		}
	}

	/**
	 * Reconnect storm (issue 14): {@code storm} clients on one instance (direct, no proxy: every
	 * answer is the service's own); the instance is SIGKILLed and started again at once; the
	 * clients come back with the client's pacing into a cold JVM.
	 */
	private static void storm(Options options, ClusterRig rig, ClusterReport report) throws Exception {
		List<ClusterRig.Node> nodes = rig.start(List.of("storm"), List.of());
		ClusterRig.Node node = nodes.get(0);
		try (Population population = new Population(options.agents, rig.work())) {
			population.open(node.port, Population.addresses(2, options.storm / Population.PER_ADDRESS), "storm-", 64);
			double ramp = population.awaitAllOpen(Duration.ofMinutes(3));
			System.out.printf("storm: all open after %.1f s%n", ramp);
			Thread.sleep(2000);
			String load = Report.loadAverage();
			long killedAt = System.currentTimeMillis();
			node.process.kill();
			rig.restart(node);
			long upAt = System.currentTimeMillis();
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (System.nanoTime() < deadline && population.status().lost() > 0) {
				Thread.sleep(500);
			}
			String endLoad = Report.loadAverage();
			AgentProcess.Recovery recovery = population.recovery(killedAt);
			List<long[]> events = population.attempts(killedAt);
			long[] backAt = recovery.back().stream().mapToLong((r) -> r[1] - killedAt).sorted().toArray();
			int lostCount = backAt.length + recovery.notBack();
			StringBuilder s = new StringBuilder();
			s.append(options.storm).append(" clients (10 per source address, each its own user, production rate limits) on one ")
				.append("instance (`").append(String.join(" ", options.holdJvm)).append("`), connected directly, so that every ")
				.append("HTTP answer is the service's. The instance is SIGKILLed and started again at once (same port, same Redis); ")
				.append("the clients reconnect with SPEC §10's pacing (full-jitter backoff 0.5 s … 20 s) and meet a cold JVM. ")
				.append("Times from the SIGKILL. The service must not answer 5xx other than 503 (`provider_unavailable`: its ")
				.append("store did not answer).\n\n")
				.append("| | |\n|---|---|\n")
				.append(String.format("| lost | %d |%n", lostCount))
				.append(String.format("| instance healthy again | %.1f s |%n", (upAt - killedAt) / 1e3))
				.append(String.format("| reconnected: 50 %% / 90 %% / 99 %% / **all** | %s / %s / %s / **%s** s |%n", at(backAt, lostCount, 0.5),
						at(backAt, lostCount, 0.9), at(backAt, lostCount, 0.99), at(backAt, lostCount, 1.0)))
				.append(String.format("| not back at the end (120 s after the instance was up) | %d |%n", recovery.notBack()))
				.append(String.format("| upgrades and refusals (status → count; 0: connection refused or no HTTP answer) | %s |%n",
						countByKind(events)))
				.append("| load average: at the kill / end | ").append(load).append(" / ").append(endLoad).append(" |\n\n")
				.append("Attempts after the kill, per 5 s (101 / refused): ").append(timeline(events, killedAt)).append('\n');
			report.put("Reconnect storm: one instance killed and started again", s.toString());
			report.csv("storm-events.csv", csvOf(events, killedAt));
			fiveHundreds(events, "storm", report);
		}
		finally {
			rig.stopInstances();
		}
	}

	private static long[] active(List<ClusterRig.Node> nodes) throws Exception {
		long[] active = new long[nodes.size()];
		for (int i = 0; i < active.length; i++) {
			active[i] = Population.activeConnections(nodes.get(i).port);
		}
		return active;
	}

	/** Seconds until {@code q} of {@code total} were back; "–" if they never were. */
	private static String at(long[] sortedBackMillis, int total, double q) {
		int needed = (int) Math.ceil(q * total);
		if (needed == 0) {
			return "0";
		}
		return (needed <= sortedBackMillis.length) ? String.format("%.1f", sortedBackMillis[needed - 1] / 1e3) : "–";
	}

	/** The instance's disconnects by reason, e.g. {@code client_close=12, heartbeat_timeout=1}; nothing before the first. */
	private static String disconnects(int port) throws Exception {
		java.util.regex.Pattern reason = java.util.regex.Pattern.compile("reason=\"([^\"]+)\"");
		java.util.Map<String, Long> counts = new java.util.TreeMap<>();
		for (String line : Population.metricLines(port, "auth_ws_disconnects_total")) {
			java.util.regex.Matcher matcher = reason.matcher(line);
			long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			if (matcher.find() && count > 0) {
				counts.merge(matcher.group(1), count, Long::sum);
			}
		}
		return counts.isEmpty() ? "none" : counts.toString();
	}

	private static java.util.Map<Long, Integer> countByKind(List<long[]> events) {
		java.util.Map<Long, Integer> counts = new java.util.TreeMap<>();
		events.forEach((e) -> counts.merge(e[1], 1, Integer::sum));
		return counts;
	}

	/** "from–to s: upgrades/refused" for each 5-second span with any event (every event: the CSV). */
	private static String timeline(List<long[]> events, long since) {
		java.util.Map<Long, int[]> seconds = new java.util.TreeMap<>();
		for (long[] e : events) {
			int[] counts = seconds.computeIfAbsent((e[0] - since) / 5000 * 5, (k) -> new int[2]);
			counts[(e[1] == 101) ? 0 : 1]++;
		}
		StringBuilder line = new StringBuilder();
		seconds.forEach((second, counts) -> line.append(line.length() == 0 ? "" : ", ").append(second).append('–').append(second + 5).append(" s: ")
			.append(counts[0]).append('/').append(counts[1]));
		return line.toString();
	}

	private static String csvOf(List<long[]> events, long since) {
		StringBuilder csv = new StringBuilder("ms_since_kill,status\n");
		events.forEach((e) -> csv.append(e[0] - since).append(',').append(e[1]).append('\n'));
		return csv.toString();
	}

	private static void fiveHundreds(List<long[]> events, String scenario, ClusterReport report) {
		java.util.Map<Long, Integer> counts = countByKind(events);
		counts.forEach((status, count) -> {
			if (status >= 500 && status != 503) {
				report.violations.add(scenario + ": " + count + " × HTTP " + status);
			}
		});
	}

	private static void broadcast(Options options, ClusterRig rig, ClusterReport report) throws Exception {
		List<String> properties = new ArrayList<>(RAISED_LIMITS);
		// One sender saturating the room: the per-connection message budget would stop it first.
		properties.add("--authwatch.websocket.max-messages-per-second=1000000");
		List<ClusterRig.Node> nodes = rig.start(List.of("bc-a", "bc-b"), properties);
		Credentials credentials = new Credentials(LoadGenerator.SECRET, nodes.get(0).port);
		List<String> tokens = credentials.tokens("member-", Arrays.stream(options.rooms).max().orElse(10));
		try (WsEngine engine = new WsEngine("broadcast-nio")) {
			CrossFanOut fanOut = new CrossFanOut(engine, nodes.get(0).port, nodes.get(1).port);
			// Warm-up: both instances compile the paths of a broadcast before anything is timed.
			CrossFanOut.Room warm = fanOut.join(100, tokens);
			fanOut.saturate(warm, Duration.ofSeconds(options.roundSeconds(5)));
			fanOut.paced(warm, 200, Duration.ofSeconds(3));
			fanOut.leave(warm);
			for (int size : options.rooms) {
				String load = Report.loadAverage();
				CrossFanOut.Room room = fanOut.join(size, tokens);
				List<CrossFanOut.Saturation> rounds = new ArrayList<>();
				for (int r = 0; r < options.rounds; r++) {
					rounds.add(fanOut.saturate(room, Duration.ofSeconds(options.roundSeconds(5))));
					System.out.printf("broadcast %d: %.0f messages/s, %.0f deliveries/s%n", size, rounds.get(r).messagesPerSecond(),
							rounds.get(r).deliveriesPerSecond());
				}
				double saturation = Stats.median(rounds.stream().mapToDouble(CrossFanOut.Saturation::messagesPerSecond).toArray());
				String pacedLoad = Report.loadAverage();
				CrossFanOut.Latency latency = fanOut.paced(room, saturation / 2, Duration.ofSeconds(30));
				System.out.printf("broadcast %d at %.0f/s: p50 %.2f ms, p99 %.2f ms%n", size, latency.achievedRate(),
						latency.p50Nanos() / 1e6, latency.p99Nanos() / 1e6);
				fanOut.leave(room);
				report.broadcast(rounds, latency, load, pacedLoad, Report.loadAverage());
			}
		}
		finally {
			rig.stopInstances();
			report.write();
		}
	}

	/**
	 * Two instances that differ only in the directory: "off" writes it once at startup (an empty
	 * registry) and then never, because its interval is longer than the run. There is no switch that
	 * removes the directory from a Redis-store instance.
	 */
	private static void directory(Options options, ClusterRig rig, ClusterReport report) throws Exception {
		Map<String, List<String>> own = new LinkedHashMap<>();
		own.put("dir-on", List.of());
		own.put("dir-off", List.of("--authwatch.cluster.directory-interval=100000h"));
		List<ClusterRig.Node> nodes = rig.startEach(own, RAISED_LIMITS);
		ClusterRig.Node on = nodes.get(0);
		ClusterRig.Node off = nodes.get(1);
		Credentials credentials = new Credentials(LoadGenerator.SECRET, on.port);
		List<String> tokens = credentials.tokens("churn-user-", 1000);
		Duration round = Duration.ofSeconds(options.roundSeconds(8));
		String load = Report.loadAverage();
		try (WsEngine engine = new WsEngine("directory-nio")) {
			Churn churnOn = new Churn(engine, on.port, 32, on.process::cpuNanos);
			Churn churnOff = new Churn(engine, off.port, 32, off.process::cpuNanos);
			for (int w = 0; w < 2; w++) {
				churnOn.run("jwt", Churn.jwt("/ws/chat", tokens), round, null);
				churnOff.run("jwt", Churn.jwt("/ws/chat", tokens), round, null);
			}
			Stats.Longs latOn = new Stats.Longs();
			Stats.Longs latOff = new Stats.Longs();
			List<Churn.Round> onRounds = new ArrayList<>();
			List<Churn.Round> offRounds = new ArrayList<>();
			for (int r = 0; r < options.rounds; r++) {
				// ABBA: on first in even rounds, off first in odd ones, so that a drift favours neither.
				boolean onFirst = r % 2 == 0;
				for (int side = 0; side < 2; side++) {
					boolean isOn = (side == 0) == onFirst;
					Thread.sleep(1000);
					Churn.Round result = (isOn ? churnOn : churnOff).run(isOn ? "on" : "off", Churn.jwt("/ws/chat", tokens), round,
							isOn ? latOn : latOff);
					(isOn ? onRounds : offRounds).add(result);
					System.out.printf("directory round %d %s: %.0f upgrades/s, %d refused, %d failed%n", r + 1, result.method(),
							result.upgradesPerSecond(), result.refused(), result.closesBeforeOpen());
				}
			}
			long directoryKeys = rig.redisKeys();
			report.directory(onRounds, offRounds, latOn, latOff, load + " → " + Report.loadAverage(), directoryKeys);
		}
		finally {
			rig.stopInstances();
			report.write();
		}
	}

	static final class Options {

		Path out = Path.of("docs/benchmarks/cluster");

		String javaHome = System.getProperty("java.home");

		List<String> serverJvm = List.of("-Xmx256m");

		List<String> holdJvm = List.of("-Xmx512m");

		List<String> scenarios = List.of("broadcast", "directory", "idle", "failover", "storm");

		int[] rooms = { 10, 100, 1000 };

		int rounds = 5;

		int roundSeconds;

		int idle = 38000;

		int holdSeconds = 120;

		int failover = 10000;

		int storm = 10000;

		int agents = 3;

		int soakMinutes = 30;

		int soakIdle = 15000;

		int soakChurn = 500;

		int soakRooms = 5;

		int roundSeconds(int fallback) {
			return (this.roundSeconds > 0) ? this.roundSeconds : fallback;
		}

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 0; i < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--out" -> options.out = Path.of(value);
					case "--java-home" -> options.javaHome = value;
					case "--server-jvm" -> options.serverJvm = List.of(value.trim().split("\\s+"));
					case "--hold-jvm" -> options.holdJvm = List.of(value.trim().split("\\s+"));
					case "--scenarios" -> options.scenarios = List.of(value.split(","));
					case "--rooms" -> options.rooms = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
					case "--rounds" -> options.rounds = Integer.parseInt(value);
					case "--round-seconds" -> options.roundSeconds = Integer.parseInt(value);
					case "--idle" -> options.idle = Integer.parseInt(value);
					case "--hold-seconds" -> options.holdSeconds = Integer.parseInt(value);
					case "--failover" -> options.failover = Integer.parseInt(value);
					case "--storm" -> options.storm = Integer.parseInt(value);
					case "--agents" -> options.agents = Integer.parseInt(value);
					case "--soak-minutes" -> options.soakMinutes = Integer.parseInt(value);
					case "--soak-idle" -> options.soakIdle = Integer.parseInt(value);
					case "--soak-churn" -> options.soakChurn = Integer.parseInt(value);
					case "--soak-rooms" -> options.soakRooms = Integer.parseInt(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return options;
		}

	}

}
