package dev.authwatch.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/**
 * Command-line modes of the service jar:
 * {@code java -jar authwatch.jar <command> [options]}. Without a known command the jar
 * starts the server.
 */
public final class CommandLine {

	private static final Map<String, Function<String[], Integer>> COMMANDS = Map.of("token", TokenCommand::run,
			"validate", ValidateCommand::run, "monitor", CommandLine::monitor, "rotate", RotateCommand::run);

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.containsKey(args[0]);
	}

	/**
	 * @return the process exit code
	 */
	public static int run(String[] args) {
		return COMMANDS.get(args[0]).apply(java.util.Arrays.copyOfRange(args, 1, args.length));
	}

	private static int monitor(String[] args) {
		try {
			return MonitorCommand.run(args);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

	static void usageError(PrintStream err, String problem, String usage) {
		err.println("error: " + problem);
		err.println("usage: " + usage);
	}

}
