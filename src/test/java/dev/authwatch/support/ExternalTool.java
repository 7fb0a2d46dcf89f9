package dev.authwatch.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A command-line tool ({@code promtool}, {@code amtool}, {@code nginx}) found on the
 * {@code PATH} or in the usual install directories. When it is missing, a test using it
 * is skipped on a developer machine and fails on CI ({@code CI=true}), where it must be
 * installed.
 */
public final class ExternalTool {

	private static final List<String> EXTRA_DIRECTORIES = List.of("/usr/bin", "/usr/local/bin", "/bin", "/usr/sbin");

	private static final long TIMEOUT_SECONDS = 120;

	private final String name;

	private final Path executable;

	private ExternalTool(String name, Path executable) {
		this.name = name;
		this.executable = executable;
	}

	/**
	 * The tool, or skip (locally) / fail (on CI) the calling test when it is not
	 * installed.
	 */
	public static ExternalTool require(String name, String debianPackage) {
		Path executable = locate(name);
		if (executable == null) {
			String message = name + " not found on PATH or in " + EXTRA_DIRECTORIES + "; install it with"
					+ " `apt-get install -y " + debianPackage + "`";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " (CI=true: the CI image must provide it)");
			}
			Assumptions.abort(message);
		}
		return new ExternalTool(name, executable);
	}

	private static Path locate(String name) {
		List<String> directories = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			directories.addAll(List.of(path.split(File.pathSeparator)));
		}
		directories.addAll(EXTRA_DIRECTORIES);
		for (String directory : directories) {
			if (directory.isBlank()) {
				continue;
			}
			Path candidate = Path.of(directory, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	public Path path() {
		return this.executable;
	}

	/**
	 * Runs the tool in {@code workingDirectory}; asserts exit code 0 and returns the
	 * output.
	 */
	public String succeeds(Path workingDirectory, String... arguments) {
		Result result = run(workingDirectory, arguments);
		assertThat(result.exitCode())
			.as("`%s %s` exited with %d:%n%s", this.name, String.join(" ", arguments), result.exitCode(),
					result.output())
			.isZero();
		return result.output();
	}

	public Result run(Path workingDirectory, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(List.of(arguments));
		Path log = null;
		try {
			// Output goes to a file so that a hanging tool cannot block the test past the
			// timeout.
			log = Files.createTempFile(this.name, ".log");
			Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("`%s` did not finish within %d s", String.join(" ", command), TIMEOUT_SECONDS);
			}
			return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
		finally {
			deleteQuietly(log);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// A leftover temporary file is harmless.
			}
		}
	}

	public record Result(int exitCode, String output) {
	}

}
