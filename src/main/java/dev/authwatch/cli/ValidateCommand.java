package dev.authwatch.cli;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.InvalidJwtConfigurationException;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.jwthealth.JwtConfigInspector;
import dev.authwatch.jwthealth.JwtHealthReport;
import dev.authwatch.jwthealth.JwtHealthStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code validate [--json] [--peer URL]...}: one check of the JWT configuration this jar
 * would run with (same variables, same files), compared with the configured and given
 * peers. Prints the verdict of {@code /health/jwt} and exits 0 healthy, 1 degraded, 2
 * unhealthy (64: usage error). A configuration the service refuses to start with (a weak
 * secret) is unhealthy, with the reason.
 */
final class ValidateCommand {

	static final String USAGE = "java -jar authwatch.jar validate [--json] [--peer http://host:port]...";

	static final int USAGE_ERROR = 64;

	private ValidateCommand() {
	}

	static int run(String[] args) {
		CommandOptions options = CommandOptions.parse(args, Set.of("json"), Set.of());
		if (options == null) {
			CommandLine.usageError(System.err, "unknown option, or --peer without an http(s) URL", USAGE);
			return USAGE_ERROR;
		}
		JwtHealthReport report;
		try (ConfigurableApplicationContext context = JwtCommandContext.start()) {
			JwtProperties properties = context.getBean(JwtProperties.class);
			List<URI> peers = new ArrayList<>(properties.peers());
			peers.addAll(options.peers);
			report = JwtConfigInspector
				.forCommandLine(context.getBean(JwtKeyRing.class), context.getBean(JwtProperties.class),
						context.getBean(AccessTokenIssuer.class), context.getBean(AccessTokenValidator.class), peers,
						properties.peerTimeout(), context.getBean(Clock.class))
				.inspectOnce();
		}
		catch (RuntimeException ex) {
			Throwable cause = TokenCommand.rootCause(ex);
			if (cause instanceof InvalidJwtConfigurationException refused) {
				return printRefused(refused.getMessage(), options.has("json"));
			}
			System.err.println("error: the JWT configuration could not be loaded: " + ex.getMessage());
			return 2;
		}
		if (options.has("json")) {
			System.out.println(JsonMapper.builder().build().writeValueAsString(report.body()));
		}
		else {
			printHuman(System.out, report);
		}
		return report.status().exitCode();
	}

	/**
	 * A configuration the service refuses to start with (a weak secret): unhealthy, and
	 * why.
	 */
	private static int printRefused(String reason, boolean json) {
		if (json) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", JwtHealthStatus.UNHEALTHY.code());
			body.put("score", 0);
			body.put("details", Map.of());
			body.put("issues", List.of("The service refuses to start with this configuration: " + reason));
			System.out.println(JsonMapper.builder().build().writeValueAsString(body));
		}
		else {
			System.out.println("JWT configuration: " + JwtHealthStatus.UNHEALTHY.code()
					+ " (the service refuses to start with it)");
			System.out.println("Issues:");
			System.out.println("  - " + reason);
		}
		return JwtHealthStatus.UNHEALTHY.exitCode();
	}

	static void printHuman(PrintStream out, JwtHealthReport report) {
		Map<String, Object> details = report.details();
		out.println("JWT configuration: " + report.status().code() + " (score " + report.score() + "/100)");
		out.println("  key id:         " + orNone(details.get("key_id")));
		out.println("  secret source:  " + details.get("secret_source"));
		out.println("  environment:    " + orNone(details.get("environment")));
		report.checks().forEach((check, ok) -> out.printf("  %-26s %s%n", check.detailKey(), ok ? "ok" : "FAILING"));
		for (Object peer : (List<?>) details.get("peers")) {
			Map<?, ?> view = (Map<?, ?>) peer;
			out.println("  peer " + view.get("peer") + ": " + view.get("status") + " (key id "
					+ orNone(view.get("key_id")) + ")");
		}
		if (!report.issues().isEmpty()) {
			out.println("Issues:");
			report.issues().forEach((issue) -> out.println("  - " + issue));
		}
	}

	private static String orNone(Object value) {
		return (value == null || value.toString().isEmpty()) ? "(none)" : value.toString();
	}

}
