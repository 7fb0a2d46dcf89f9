package dev.authwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under test: {@code target/authwatch.jar} started through Spring Boot's
 * {@code PropertiesLauncher} so that {@code target/bench-server.jar} (the unauthenticated control
 * endpoint) joins its classpath, with the JVM flags and properties the run chose. Also reads what
 * the benchmark reports about it: post-GC heap (via {@code jcmd}) and RSS.
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final Process process;

	private final int port;

	private final String javaHome;

	final List<String> command;

	private ServerProcess(Process process, int port, String javaHome, List<String> command) {
		this.process = process;
		this.port = port;
		this.javaHome = javaHome;
		this.command = command;
	}

	static ServerProcess start(String javaHome, List<String> jvmFlags, List<String> properties, String secret, int port,
			Path log) throws IOException, InterruptedException {
		return start(List.of(), javaHome, jvmFlags, properties, secret, port, log);
	}

	/**
	 * @param launcher what runs the JVM, e.g. {@code taskset -c 0} ({@link Pinning}); empty for none
	 */
	static ServerProcess start(List<String> launcher, String javaHome, List<String> jvmFlags, List<String> properties,
			String secret, int port, Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(launcher);
		command.add(javaHome + "/bin/java");
		command.addAll(jvmFlags);
		command.add("-Dloader.path=target/bench-server.jar");
		command.add("-cp");
		command.add("target/authwatch.jar");
		command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
		command.add("--server.port=" + port);
		command.addAll(properties);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JWT_SECRET", secret);
		ServerProcess server = new ServerProcess(builder.start(), port, javaHome, command);
		try {
			// Generous: on two cores shared with builds a Spring Boot start can take minutes.
			server.awaitHealthy(Duration.ofSeconds(300));
		}
		catch (RuntimeException | InterruptedException ex) {
			server.process.destroyForcibly();
			throw ex;
		}
		return server;
	}

	long pid() {
		return this.process.pid();
	}

	int port() {
		return this.port;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** SIGKILL: no graceful stop, no close frames, as when a machine dies. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the server exited with " + this.process.exitValue());
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/health/liveness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the server did not become live in " + timeout);
	}

	/** Heap in use after two full collections, in bytes. */
	long heapAfterGc() throws IOException, InterruptedException {
		jcmd("GC.run");
		jcmd("GC.run");
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("no heap figure in jcmd GC.heap_info");
		}
		return Long.parseLong(used.group(1)) * 1024;
	}

	/** {@code jcmd GC.class_histogram}: live objects by class, for finding what a connection holds. */
	String histogram() throws IOException, InterruptedException {
		return jcmd("GC.class_histogram");
	}

	/** Resident set size in bytes, from {@code /proc}. */
	long rss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
			}
		}
		return -1;
	}

	/** CPU time (user and system) the server process has used so far. */
	long cpuNanos() {
		return this.process.info().totalCpuDuration().orElseThrow().toNanos();
	}

	/** Open file descriptors of the server process. */
	long openFiles() throws IOException {
		try (var fds = Files.list(Path.of("/proc/" + pid() + "/fd"))) {
			return fds.count();
		}
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(this.javaHome + "/bin/jcmd", Long.toString(pid()), command).redirectErrorStream(true)
			.start();
		String out = new String(jcmd.getInputStream().readAllBytes());
		jcmd.waitFor();
		return out;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
