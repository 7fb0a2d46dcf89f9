package dev.authwatch.ops;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code nginx/authwatch.conf} with its compose addresses replaced for a
 * test: the listen port and the upstream servers, nothing else.
 */
final class ShippedNginx {

	private static final Pattern UPSTREAM_SERVERS = Pattern
		.compile("((?:\\t+server authwatch-\\d+:8080 ([^;]*);\\n)+)");

	private ShippedNginx() {
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
