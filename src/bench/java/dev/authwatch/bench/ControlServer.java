package dev.authwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A control outside AuthWatch's process, what a user would run instead (bench/controls): the plain
 * Spring Boot WebSocket application on Tomcat or the same built on Jetty, or the Node {@code ws} +
 * {@code jsonwebtoken} server, each with an unauthenticated {@code /plain} and a JWT-checking
 * {@code /jwt} endpoint. Churn methods name them {@code spring-plain}, {@code spring-jwt},
 * {@code jetty-plain}, {@code jetty-jwt}, {@code node-plain} and {@code node-jwt}.
 */
final class ControlServer implements AutoCloseable {

	enum Kind {

		SPRING("spring-", "spring-control.jar"), JETTY("jetty-", "spring-control-jetty.jar"), NODE("node-", null);

		final String prefix;

		/** The Spring application's jar in bench/controls/spring/target, built by bench/run.sh. */
		private final String jar;

		Kind(String prefix, String jar) {
			this.prefix = prefix;
			this.jar = jar;
		}

		static Kind of(String method) {
			for (Kind kind : values()) {
				if (method.startsWith(kind.prefix)) {
					return kind;
				}
			}
			return null;
		}

		/** The control's path for a method: {@code spring-jwt} → {@code /jwt}. */
		String path(String method) {
			return "/" + method.substring(this.prefix.length());
		}

	}

	private final Process process;

	final int port;

	private ControlServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * @param launcher what runs the control, e.g. {@code taskset -c 0} ({@link Pinning}); empty for none
	 */
	static ControlServer start(Kind kind, List<String> launcher, String javaHome, List<String> jvmFlags, String secret,
			int port, Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(launcher);
		switch (kind) {
			case SPRING, JETTY -> {
				command.add(javaHome + "/bin/java");
				command.addAll(jvmFlags);
				command.addAll(List.of("-jar", "bench/controls/spring/target/" + kind.jar, "--server.port=" + port));
			}
			case NODE -> command.addAll(List.of("node", "bench/controls/node/server.js"));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JWT_SECRET", secret);
		builder.environment().put("PORT", Integer.toString(port));
		ControlServer server = new ControlServer(builder.start(), port);
		server.awaitListening(Duration.ofSeconds(60));
		return server;
	}

	/** Any HTTP answer will do: the controls have no health endpoint. */
	private void awaitListening(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the control exited with " + this.process.exitValue());
			}
			try {
				http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/")).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException("the control did not listen in " + timeout);
	}

	/** CPU time (user and system) the control process has used so far. */
	long cpuNanos() {
		return this.process.info().totalCpuDuration().orElseThrow().toNanos();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
