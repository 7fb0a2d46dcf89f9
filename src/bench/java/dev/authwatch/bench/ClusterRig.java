package dev.authwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.authwatch.support.RedisTestServer;
import redis.embedded.RedisServer;

/**
 * A cluster on this machine: the Redis that embedded-redis ships, AuthWatch JVMs of
 * {@code target/authwatch.jar} on it ({@code authwatch.store=redis}, one instance id each) and
 * Debian's nginx with the shipped {@code nginx/nginx.conf} and {@code nginx/authwatch.conf}, with
 * only the listen port, the upstream servers and (where a scenario needs more descriptors than
 * the shipped sizing gives) the number of workers substituted.
 */
final class ClusterRig implements AutoCloseable {

	private static final Pattern UPSTREAM_SERVERS = Pattern.compile("((?:\\t+server authwatch-\\d+:8080 ([^;]*);\\n)+)");

	/** One AuthWatch JVM; {@code process} is replaced when the instance is started again. */
	static final class Node {

		final String id;

		final int port;

		final List<String> properties;

		volatile ServerProcess process;

		Node(String id, int port, List<String> properties) {
			this.id = id;
			this.port = port;
			this.properties = properties;
		}

		String upstream() {
			return "127.0.0.1:" + this.port;
		}

	}

	private final Path work;

	private final String javaHome;

	/** The JVM flags of the instances started next. */
	List<String> jvm;

	private RedisServer redis;

	final int redisPort;

	final List<Node> nodes = new ArrayList<>();

	private Process nginx;

	ClusterRig(Path work, String javaHome, List<String> jvm) throws IOException {
		this.work = Files.createDirectories(work.toAbsolutePath());
		this.javaHome = javaHome;
		this.jvm = jvm;
		// Below the ephemeral range: the soak restarts Redis on this port while the machine makes outgoing connections.
		this.redisPort = RedisTestServer.freePort();
		this.redis = startRedis(this.redisPort);
	}

	private static RedisServer startRedis(int port) throws IOException {
		RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
		redis.start();
		return redis;
	}

	/**
	 * Stops Redis (every key is lost: it keeps nothing on disk), waits {@code down} and starts it
	 * again on the same port.
	 */
	void restartRedis(java.time.Duration down) throws IOException, InterruptedException {
		this.redis.stop();
		Thread.sleep(down.toMillis());
		this.redis = startRedis(this.redisPort);
	}

	/** Whether every live instance is subscribed to the room channel again (after a Redis restart). */
	boolean subscribed() throws IOException {
		return redisCommand("PUBSUB", "NUMSUB", "authwatch:rooms")
			.endsWith(":" + this.nodes.stream().filter((n) -> n.process.isAlive()).count());
	}

	/**
	 * Starts the instances in parallel (a JVM start on two busy cores takes a while) and waits until
	 * each is live and subscribed to the room channel.
	 */
	List<Node> start(List<String> ids, List<String> properties) throws Exception {
		java.util.Map<String, List<String>> own = new java.util.LinkedHashMap<>();
		ids.forEach((id) -> own.put(id, List.of()));
		return startEach(own, properties);
	}

	/** As {@link #start(List, List)}, with properties of each instance's own after the common ones. */
	List<Node> startEach(java.util.Map<String, List<String>> own, List<String> properties) throws Exception {
		List<Node> started = new ArrayList<>();
		for (String id : own.keySet()) {
			List<String> all = new ArrayList<>(List.of("--authwatch.store=redis", "--spring.data.redis.port=" + this.redisPort,
					"--authwatch.cluster.instance-id=" + id, "--authwatch.data-dir=" + this.work.resolve(id).resolve("data"),
					"--spring.main.banner-mode=off", "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"));
			all.addAll(properties);
			all.addAll(own.get(id));
			started.add(new Node(id, freePort(), all));
		}
		this.nodes.addAll(started);
		ExecutorService starters = Executors.newFixedThreadPool(started.size());
		try {
			List<Future<?>> starting = new ArrayList<>();
			for (Node node : started) {
				starting.add(starters.submit(() -> {
					startProcess(node);
					return null;
				}));
			}
			for (Future<?> future : starting) {
				future.get();
			}
		}
		finally {
			starters.shutdown();
		}
		awaitSubscribers();
		return started;
	}

	/** The WARN and ERROR lines the instance has logged so far. */
	List<String> warnings(Node node) throws IOException {
		Path log = this.work.resolve(node.id + ".log");
		if (!Files.exists(log)) {
			return List.of();
		}
		try (java.util.stream.Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
		}
	}

	/** Starts a killed instance again, on its port, with its properties; returns once it is live. */
	void restart(Node node) throws Exception {
		startProcess(node);
	}

	private void startProcess(Node node) throws Exception {
		Files.createDirectories(this.work.resolve(node.id));
		node.process = ServerProcess.start(this.javaHome, this.jvm, node.properties, LoadGenerator.SECRET, node.port,
				this.work.resolve(node.id + ".log"));
	}

	/** Stops every instance (gracefully), so that the next scenario starts on an empty cluster. */
	void stopInstances() throws Exception {
		stopNginx();
		for (Node node : this.nodes) {
			if (node.process != null && node.process.isAlive()) {
				node.process.close();
			}
		}
		this.nodes.clear();
		redisCommand("FLUSHALL");
	}

	/**
	 * nginx with the shipped files in front of {@code upstreams}; {@code workers} replaces
	 * {@code worker_processes} (0: as shipped).
	 * @return the port nginx listens on
	 */
	int startNginx(List<Node> upstreams, int workers) throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("nginx"));
		int port = freePort();
		String main = Files.readString(Path.of("nginx", "nginx.conf"));
		if (workers > 0) {
			main = main.replaceFirst("worker_processes [^;]+;", "worker_processes " + workers + ";");
		}
		Files.writeString(dir.resolve("nginx.conf"), main);
		String site = Files.readString(Path.of("nginx", "authwatch.conf"));
		Matcher servers = UPSTREAM_SERVERS.matcher(site);
		if (!servers.find() || !site.contains("\tlisten 80;\n")) {
			throw new IllegalStateException("nginx/authwatch.conf no longer has the upstream servers or listen line this rig replaces");
		}
		String parameters = servers.group(2);
		String replacement = upstreams.stream()
			.map((node) -> "\tserver " + node.upstream() + " " + parameters + ";\n")
			.collect(Collectors.joining());
		site = servers.replaceFirst(Matcher.quoteReplacement(replacement)).replace("\tlisten 80;\n", "\tlisten 127.0.0.1:" + port + ";\n");
		Files.writeString(dir.resolve("authwatch.conf"), site);
		String globals = "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("error.log") + " warn;";
		this.nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", dir.toString(), "-c", "nginx.conf", "-g", globals)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("nginx.out").toFile())
			.start();
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!accepts(port)) {
			if (!this.nginx.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
			}
			Thread.sleep(100);
		}
		return port;
	}

	Path work() {
		return this.work;
	}

	/** nginx's error log so far (refused upstreams, worker_connections exhausted). */
	String nginxErrors() throws IOException {
		Path log = this.work.resolve("nginx").resolve("error.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	void stopNginx() throws InterruptedException {
		if (this.nginx != null) {
			this.nginx.destroy();
			this.nginx.waitFor();
			this.nginx = null;
		}
	}

	/** Redis {@code used_memory} in bytes. */
	long redisUsedMemory() throws IOException {
		Matcher used = Pattern.compile("used_memory:(\\d+)").matcher(redisCommand("INFO", "memory"));
		if (!used.find()) {
			throw new IllegalStateException("no used_memory in INFO memory");
		}
		return Long.parseLong(used.group(1));
	}

	/** Keys in the database. */
	long redisKeys() throws IOException {
		return Long.parseLong(redisCommand("DBSIZE").replace(":", "").trim());
	}

	private void awaitSubscribers() throws Exception {
		long deadline = System.nanoTime() + 180_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (subscribed()) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("not every instance subscribed to the room channel within 180 s");
	}

	/**
	 * One command over RESP, without a client library; the reply flattened to text (bulk strings as
	 * they are, integers as {@code :n}, array elements joined by spaces).
	 */
	String redisCommand(String... args) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.redisPort)) {
			StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
			for (String arg : args) {
				request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			readReply(in, reply);
			return reply.toString().trim();
		}
	}

	private static void readReply(InputStream in, StringBuilder reply) throws IOException {
		String line = readLine(in);
		switch (line.charAt(0)) {
			case '$' -> {
				int length = Integer.parseInt(line.substring(1));
				if (length >= 0) {
					reply.append(new String(in.readNBytes(length), StandardCharsets.UTF_8)).append(' ');
					readLine(in);
				}
			}
			case '*' -> {
				int count = Integer.parseInt(line.substring(1));
				for (int i = 0; i < count; i++) {
					readReply(in, reply);
				}
			}
			case ':' -> reply.append(line).append(' ');
			case '-' -> throw new IOException("Redis: " + line);
			default -> reply.append(line.substring(1)).append(' ');
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("Redis closed the connection");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws Exception {
		stopNginx();
		for (Node node : this.nodes) {
			if (node.process != null && node.process.isAlive()) {
				node.process.close();
			}
		}
		this.redis.stop();
	}

}
