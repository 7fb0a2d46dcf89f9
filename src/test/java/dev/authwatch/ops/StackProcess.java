package dev.authwatch.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of an operations test (Prometheus, Alertmanager, the packaged jar) with
 * its output in a log file.
 */
final class StackProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private StackProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Runs in {@code workDirectory} with the test's environment; the log goes there too.
	 */
	static StackProcess start(String name, Path workDirectory, List<String> command) throws IOException {
		return start(name, workDirectory, workDirectory.resolve(name + ".log"), command, null);
	}

	/**
	 * Runs in {@code workDirectory} with only {@code PATH} and {@code environment}
	 * (nothing of the test's own environment leaks in); the log goes to {@code log}.
	 */
	static StackProcess start(String name, Path workDirectory, Path log, List<String> command,
			Map<String, String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		if (environment != null) {
			String path = builder.environment().get("PATH");
			builder.environment().clear();
			builder.environment().put("PATH", path);
			builder.environment().putAll(environment);
		}
		return new StackProcess(name, builder.start(), log);
	}

	/** SIGKILL: the process gets no chance to clean up, as when a machine dies. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The exit code, or -1 when the process still runs after {@code timeout}. */
	int awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : -1;
	}

	/** Everything the process wrote. */
	String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return this.name + " log unreadable: " + ex.getMessage();
		}
	}

	/** The end of the process's output, for assertion messages. */
	String tail() {
		List<String> lines = output().lines().toList();
		return this.name + " log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
