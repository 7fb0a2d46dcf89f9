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
 * --scenarios LIST          broadcast,directory,idle,failover,storm
 * --server-jvm "FLAGS"      JVM flags of every instance ("-Xmx256m"; the scenarios that hold
 *                           19,000 connections per instance use --hold-jvm)
 * --hold-jvm "FLAGS"        ("-Xmx512m")
 * --rooms 10,100,1000       broadcast room sizes
 * --rounds N                broadcast saturation rounds per size and directory rounds per side (5)
 * --round-seconds S         (5 for broadcast, 8 for directory)
 * --idle N                  idle connections across two instances through nginx (38000)
 * --hold-seconds S          how long they are held (180)
 * --failover N              connections on the instance that is killed (10000)
 * --storm N                 clients of the single instance that is killed and started again (10000)
 * --agents N                client processes (each under the 20,000 open-file limit) (3)
 * </pre>
 */
public final class ClusterBench {

	/** Every room, directory and rate limit as in production, except where a scenario says why not. */
	private static final List<String> RAISED_LIMITS = List.of("--authwatch.rate-limit.handshake-per-ip=100000000",
			"--authwatch.rate-limit.handshake-per-account=100000000", "--authwatch.rate-limit.connections-per-client=100000",
			"--authwatch.rate-limit.connections-per-user=100000");

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Files.createDirectories(options.out);
		ClusterReport report = new ClusterReport(options.out);
		report.setup(options);
		try (ClusterRig rig = new ClusterRig(Path.of("target", "bench-cluster"), options.javaHome, options.serverJvm)) {
			if (options.scenarios.contains("broadcast")) {
				broadcast(options, rig, report);
			}
			if (options.scenarios.contains("directory")) {
				directory(options, rig, report);
			}
		}
		finally {
			report.write();
		}
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
				CrossFanOut.Latency latency = fanOut.paced(room, saturation / 2, Duration.ofSeconds(10));
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
				churnOn.run("jwt", Churn.jwt(tokens), round, null);
				churnOff.run("jwt", Churn.jwt(tokens), round, null);
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
					Churn.Round result = (isOn ? churnOn : churnOff).run(isOn ? "on" : "off", Churn.jwt(tokens), round,
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

		int holdSeconds = 180;

		int failover = 10000;

		int storm = 10000;

		int agents = 3;

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
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			return options;
		}

	}

}
