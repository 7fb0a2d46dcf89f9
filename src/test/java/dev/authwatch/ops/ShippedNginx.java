package dev.authwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.authwatch.support.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped {@code nginx/} files with their compose addresses replaced for a test: the
 * listen port and the upstream servers, nothing else.
 */
final class ShippedNginx {

	private static final Pattern UPSTREAM_SERVERS = Pattern
		.compile("((?:\\t+server authwatch-\\d+:8080 ([^;]*);\\n)+)");

	private ShippedNginx() {
	}

	/**
	 * Runs Debian's nginx with the shipped files in {@code directory}, checked by
	 * {@code nginx -t} first.
	 * @return the running nginx, once it accepts on {@code listenPort}
	 */
	static StackProcess start(ExternalTool nginx, Path directory, int listenPort, List<Integer> upstreamPorts)
			throws IOException {
		Path shipped = Path.of("nginx");
		Files.writeString(directory.resolve("nginx.conf"), Files.readString(shipped.resolve("nginx.conf")));
		Files.writeString(directory.resolve("authwatch.conf"),
				forTest(Files.readString(shipped.resolve("authwatch.conf")), listenPort, upstreamPorts));
		String globals = "pid " + directory.resolve("nginx.pid") + "; error_log stderr;";
		nginx.succeeds(directory, "-t", "-p", directory.toString(), "-c", "nginx.conf", "-g", globals);
		StackProcess process = StackProcess.start("nginx", directory, List.of(nginx.path().toString(), "-p",
				directory.toString(), "-c", "nginx.conf", "-g", "daemon off; " + globals));
		await().atMost(Duration.ofSeconds(20)).until(() -> LocalPorts.accepts(listenPort));
		return process;
	}

	static String forTest(String shipped, int listenPort, List<Integer> upstreamPorts) {
		Matcher servers = UPSTREAM_SERVERS.matcher(shipped);
		assertThat(servers.find()).as("upstream servers in nginx/authwatch.conf").isTrue();
		String parameters = servers.group(2);
		String replacement = upstreamPorts.stream()
			.map((port) -> "\tserver 127.0.0.1:" + port + " " + parameters + ";\n")
			.collect(Collectors.joining());
		String listen = "\tlisten 80;\n";
		assertThat(shipped).contains(listen);
		return servers.replaceFirst(Matcher.quoteReplacement(replacement))
			.replace(listen, "\tlisten 127.0.0.1:" + listenPort + ";\n");
	}

}
