package dev.authwatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import redis.embedded.RedisServer;

/**
 * The load generator: starts the service jar with the chosen JVM flags and properties (plus the
 * unauthenticated control endpoint), then runs churn, fan-out and hold (with scrapes) against it
 * from this process and writes Markdown, CSV and PNG results. Run it through {@code bench/run.sh}.
 * <pre>
 * --out DIR              results directory (docs/benchmarks)
 * --java-home DIR        JDK that runs the server (this JVM's)
 * --server-jvm "FLAGS"   server JVM flags ("-Xmx2g")
 * --prop key=value       extra server property, repeatable
 * --store redis|memory   ticket store (redis: an embedded Redis is started)
 * --scenarios LIST       churn,fanout,hold
 * --methods LIST         churn methods: plain,plain-welcome,jwt,jwt-new,ticket (plain-welcome: the
 *                        control that also writes a welcome frame; jwt: 1,000 tokens reused, as
 *                        reconnecting clients do; jwt-new: every token used once), and the controls
 *                        outside the process (bench/controls): spring-plain,spring-jwt (Tomcat),
 *                        jetty-plain,jetty-jwt (the same application on Jetty),node-plain,node-jwt
 * --warmups N --rounds N --round-seconds S --concurrency C    churn (untimed warm-up rounds first)
 * --steps 5000,10000,15000,19000 --hold-seconds S  hold
 * --rooms 10,100,1000    fan-out room sizes
 * --histograms true      also write a class histogram of the server per hold step
 * --server-cpus 0        taskset CPU list for AuthWatch and every control (-XX:ActiveProcessorCount to match)
 * --redis-cpus 1         taskset CPU list for the embedded Redis
 * --client-cpus 0        taskset CPU list for this load generator (default: the servers' when those are pinned)
 * </pre>
 */
public final class LoadGenerator {

	static final String SECRET = "9X9RaX9kKecgOe59meH4L6fkyVnYQ3vIAXZfcgJfZpE";

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		Files.createDirectories(options.out);
		options.pinning.pinClient();
		RedisServer redis = null;
		List<String> properties = new ArrayList<>(List.of("--authwatch.websocket.heartbeat-interval=5s",
				"--authwatch.websocket.max-messages-per-second=1000000", "--authwatch.ticket.ttl=10m",
				"--authwatch.bench.control-endpoint=true"));
		// One client on 16 loopback addresses (19,000 held connections) and a few thousand users is far beyond the production limits;
		// the limits are raised, not disabled, so every handshake still pays for its per-IP and per-user buckets.
		for (String limit : List.of("handshake-per-ip", "handshake-per-account", "ticket-per-ip", "ticket-per-account",
				"connections-per-client", "connections-per-user")) {
			properties.add("--authwatch.rate-limit." + limit + "=100000000");
		}
		if (options.store.equals("redis")) {
			int redisPort = freePort();
			redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
			redis.start();
			options.pinning.pinRedis(LoadGenerator::redisProcess);
			properties.add("--authwatch.store=redis");
			properties.add("--spring.data.redis.port=" + redisPort);
		}
		properties.addAll(options.properties);
		int port = freePort();
		Report report = new Report(options.out);
		report.setup(options, properties);
		try (ServerProcess server = ServerProcess.start(options.pinning.serverLauncher(), options.javaHome,
				options.pinning.serverJvm(options.serverJvm), properties, SECRET, port, options.out.resolve("server.log"));
				WsEngine engine = new WsEngine("load-nio")) {
			report.server(server);
			Credentials credentials = new Credentials(SECRET, port);
			if (options.scenarios.contains("churn")) {
				churn(options, report, engine, credentials, port, server);
			}
			if (options.scenarios.contains("fanout")) {
				FanOut fanOut = new FanOut(engine, port);
				List<String> tokens = credentials.tokens("room-member-", 1000);
				for (int size : options.rooms) {
					String load = Report.loadAverage();
					report.fanOut(fanOut.run(size, tokens, 3, Duration.ofSeconds(5)), load);
				}
			}
			if (options.scenarios.contains("hold")) {
				int max = Arrays.stream(options.steps).max().orElse(0);
				List<String> tokens = credentials.tokens("idle-user-", max);
				String load = Report.loadAverage();
				Hold.Result hold = new Hold(engine, server, port, options.histograms ? options.out : null).run(options.steps, tokens,
						Duration.ofSeconds(options.holdSeconds), new Scrape(port));
				report.hold(hold, load);
			}
		}
		finally {
			if (redis != null) {
				redis.stop();
			}
			report.write();
		}
	}

	private static void churn(Options options, Report report, WsEngine engine, Credentials credentials, int port,
			ServerProcess server) throws Exception {
		Map<ControlServer.Kind, ControlServer> controls = new EnumMap<>(ControlServer.Kind.class);
		try {
			Churn own = new Churn(engine, port, options.concurrency, server::cpuNanos);
			Map<String, Churn> churns = new LinkedHashMap<>();
			for (String method : options.methods) {
				ControlServer.Kind kind = ControlServer.Kind.of(method);
				if (kind != null && !controls.containsKey(kind)) {
					controls.put(kind, ControlServer.start(kind, options.pinning.serverLauncher(), options.javaHome,
							options.pinning.serverJvm(options.serverJvm), SECRET, freePort(),
							options.out.resolve(kind.name().toLowerCase(Locale.ROOT) + "-control.log")));
				}
				ControlServer control = controls.get(kind);
				churns.put(method, (kind != null)
						? new Churn(engine, control.port, options.concurrency, control::cpuNanos) : own);
			}
			churn(options, report, churns, credentials);
		}
		finally {
			for (ControlServer control : controls.values()) {
				control.close();
			}
		}
	}

	private static void churn(Options options, Report report, Map<String, Churn> churns, Credentials credentials)
			throws Exception {
		List<String> tokens = credentials.tokens("churn-user-", 1000);
		Duration round = Duration.ofSeconds(options.roundSeconds);
		Map<String, Stats.Longs> latencies = new LinkedHashMap<>();
		Map<String, List<Churn.Round>> rounds = new LinkedHashMap<>();
		for (String method : options.methods) {
			latencies.put(method, new Stats.Longs());
			rounds.put(method, new ArrayList<>());
		}
		// Warm-up: every path compiled before anything is timed; the fastest rate sizes the one-use supplies.
		String load = Report.loadAverage();
		double fastest = 1000;
		for (int w = 0; w < options.warmups; w++) {
			for (String method : options.methods) {
				Churn.Round warm = churns.get(method).run(method, requests(method, credentials, tokens, supply(fastest, options)), round, null);
				fastest = Math.max(fastest, warm.upgradesPerSecond());
			}
		}
		System.out.printf("churn warm-up done (fastest %.0f/s); %d rounds of %ds%n", fastest, options.rounds, options.roundSeconds);
		for (int r = 0; r < options.rounds; r++) {
			for (String method : rounds.keySet()) {
				Supplier<Churn.Request> requests = requests(method, credentials, tokens, supply(fastest, options));
				Thread.sleep(1000);
				Churn.Round result = churns.get(method).run(method, requests, round, latencies.get(method));
				rounds.get(method).add(result);
				fastest = Math.max(fastest, result.upgradesPerSecond());
				System.out.printf("churn round %d %s: %.0f upgrades/s, server %.1f µs and client %.1f µs CPU per upgrade%n", r + 1,
						method, result.upgradesPerSecond(), result.serverCpuMicrosPerUpgrade(), result.clientCpuMicrosPerUpgrade());
			}
		}
		report.churn(rounds, latencies, options.concurrency, load + " → " + Report.loadAverage());
	}

	private static int supply(double rate, Options options) {
		return (int) (rate * options.roundSeconds * 1.5);
	}

	/** One-use credentials (fresh tokens, tickets) are bought before the round, outside the timing. */
	private static Supplier<Churn.Request> requests(String method, Credentials credentials, List<String> tokens, int supply)
			throws Exception {
		ControlServer.Kind control = ControlServer.Kind.of(method);
		if (control != null) {
			String path = control.path(method);
			return path.equals("/jwt") ? Churn.jwt(path, tokens) : Churn.unauthenticated(path);
		}
		return switch (method) {
			case "plain" -> Churn.unauthenticated("/bench/plain");
			case "plain-welcome" -> Churn.unauthenticated("/bench/welcome");
			case "jwt" -> Churn.jwt("/ws/chat", tokens);
			case "jwt-new" -> Churn.freshJwt(new java.util.ArrayDeque<>(credentials.tokens("fresh-" + System.nanoTime() + "-", supply)));
			case "ticket" -> Churn.ticket(credentials.tickets(supply, tokens));
			default -> throw new IllegalArgumentException("unknown churn method " + method);
		};
	}

	/** The embedded Redis, the one Redis child of this process: its library does not tell its pid. */
	private static ProcessHandle redisProcess() {
		List<ProcessHandle> redis = ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().orElse("").contains("redis"))
			.toList();
		if (redis.size() != 1) {
			throw new IllegalStateException("expected one Redis child process, found " + redis.size());
		}
		return redis.get(0);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static final class Options {

		Path out = Path.of("docs/benchmarks");

		String javaHome = System.getProperty("java.home");

		List<String> serverJvm = List.of("-Xmx2g");

		List<String> properties = new ArrayList<>();

		String store = "redis";

		List<String> scenarios = List.of("churn", "fanout", "hold");

		List<String> methods = List.of("plain", "plain-welcome", "jwt", "jwt-new", "ticket");

		int rounds = 5;

		int warmups = 2;

		int roundSeconds = 8;

		int concurrency = 32;

		int[] steps = { 5000, 10000, 15000, 19000 };

		int holdSeconds = 60;

		int[] rooms = { 10, 100, 1000 };

		boolean histograms;

		Pinning pinning = Pinning.NONE;

		Instant started = Instant.now();

		static Options parse(String[] args) {
			Options options = new Options();
			String serverCpus = null;
			String redisCpus = null;
			String clientCpus = null;
			for (int i = 0; i < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--out" -> options.out = Path.of(value);
					case "--java-home" -> options.javaHome = value;
					case "--server-jvm" -> options.serverJvm = List.of(value.trim().split("\\s+"));
					case "--prop" -> options.properties.add("--" + value);
					case "--store" -> options.store = value;
					case "--scenarios" -> options.scenarios = List.of(value.split(","));
					case "--methods" -> options.methods = List.of(value.split(","));
					case "--warmups" -> options.warmups = Integer.parseInt(value);
					case "--rounds" -> options.rounds = Integer.parseInt(value);
					case "--round-seconds" -> options.roundSeconds = Integer.parseInt(value);
					case "--concurrency" -> options.concurrency = Integer.parseInt(value);
					case "--steps" -> options.steps = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
					case "--hold-seconds" -> options.holdSeconds = Integer.parseInt(value);
					case "--histograms" -> options.histograms = Boolean.parseBoolean(value);
					case "--rooms" -> options.rooms = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
					case "--server-cpus" -> serverCpus = value;
					case "--redis-cpus" -> redisCpus = value;
					case "--client-cpus" -> clientCpus = value;
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			options.pinning = new Pinning(serverCpus, redisCpus, (clientCpus != null) ? clientCpus : serverCpus);
			return options;
		}

	}

}
