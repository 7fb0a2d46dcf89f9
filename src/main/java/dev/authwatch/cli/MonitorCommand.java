package dev.authwatch.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.jwthealth.PeerSurvey;
import dev.authwatch.jwthealth.PeerView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code monitor --peer URL [--peer URL]... [--interval 30s] [--count N] [--json]}: polls
 * the peers' {@code /health/jwt} and prints one line per peer and round, comparing key
 * ids with this configuration's (peers tell their key id only to a holder of a key they
 * accept, so without a usable local secret every peer is unknown). Runs until stopped, or
 * {@code --count} rounds; then exits 0 (consistent), 1 (drift seen in the last round), 2
 * (no peer answered).
 */
final class MonitorCommand {

	static final String USAGE = "java -jar authwatch.jar monitor --peer http://host:port [--peer …] [--interval 30s] [--count N] [--json]";

	private MonitorCommand() {
	}

	static int run(String[] args) throws InterruptedException {
		CommandOptions options = CommandOptions.parse(args, Set.of("json"), Set.of("interval", "count"));
		Duration interval = (options != null) ? options.duration("interval", Duration.ofSeconds(30)) : null;
		Integer count = (options != null) ? count(options.values.get("count")) : null;
		if (options == null || options.peers.isEmpty() || interval == null || interval.isNegative() || interval.isZero()
				|| count == null) {
			CommandLine.usageError(System.err,
					"at least one --peer URL is required; --interval is a duration, --count a positive number", USAGE);
			return ValidateCommand.USAGE_ERROR;
		}
		PeerSurvey survey;
		try (ConfigurableApplicationContext context = JwtCommandContext.start()) {
			survey = new PeerSurvey(context.getBean(JwtKeyRing.class), context.getBean(JwtProperties.class),
					options.peers, Duration.ofSeconds(2), context.getBean(Clock.class));
		}
		JsonMapper json = JsonMapper.builder().build();
		int exit = 0;
		for (int round = 1; count == 0 || round <= count; round++) {
			if (round > 1) {
				Thread.sleep(interval.toMillis());
			}
			List<PeerView> views = survey.survey();
			String at = Instant.now().toString();
			for (PeerView view : views) {
				System.out.println(options.has("json") ? json.writeValueAsString(line(at, view))
						: at + " " + view.peer() + " " + view.status() + " key_id=" + view.keyId()
								+ ((view.problem() != null) ? " (" + view.problem() + ")" : ""));
			}
			System.out.flush();
			exit = views.stream().anyMatch(PeerSurvey::isDrift) ? 1
					: views.stream().allMatch(PeerSurvey::isUnknown) ? 2 : 0;
		}
		return exit;
	}

	private static Map<String, Object> line(String at, PeerView view) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("at", at);
		line.put("peer", view.peer());
		line.put("status", view.status());
		line.put("key_id", view.keyId());
		line.put("problem", view.problem());
		return line;
	}

	/** 0 means forever. */
	private static Integer count(String value) {
		if (value == null) {
			return 0;
		}
		try {
			int count = Integer.parseInt(value);
			return (count > 0) ? count : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
