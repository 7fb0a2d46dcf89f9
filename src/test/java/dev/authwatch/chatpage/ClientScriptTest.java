package dev.authwatch.chatpage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.authwatch.support.ExternalTool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit tests of {@code /js/authwatch-client.js} (backoff, close-code state machine,
 * resend, recovery, re-authentication), written for Node's built-in runner in
 * {@code src/test/js/} and run here so that {@code ./mvnw verify} runs them. Without
 * {@code node} the test is skipped, except in CI ({@code CI=true}), where that is a
 * failure.
 */
class ClientScriptTest {

	private static final Path SCRIPTS = Path.of("src/test/js");

	@Test
	void clientScriptPassesItsNodeTests() throws IOException {
		ExternalTool node = ExternalTool.require("node", "nodejs");
		List<String> arguments;
		try (Stream<Path> files = Files.list(SCRIPTS)) {
			arguments = Stream
				.concat(Stream.of("--test", "--test-reporter=spec"),
						files.map((file) -> file.getFileName().toString())
							.filter((name) -> name.endsWith(".test.mjs"))
							.sorted())
				.toList();
		}
		assertThat(arguments).hasSizeGreaterThan(2);
		String output = node.succeeds(SCRIPTS, arguments.toArray(String[]::new));
		System.out.println(output);
		assertThat(output).containsPattern("\\bfail 0\\b").doesNotContainPattern("\\bpass 0\\b");
	}

}
