package dev.authwatch.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real peer of the stack test (Prometheus, Alertmanager) running as a child process. */
final class StackProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private StackProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static StackProcess start(String name, Path workDirectory, List<String> command) throws IOException {
		Path log = workDirectory.resolve(name + ".log");
		Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		return new StackProcess(name, process, log);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The end of the process's output, for assertion messages. */
	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return this.name + " log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return this.name + " log unreadable: " + ex.getMessage();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
