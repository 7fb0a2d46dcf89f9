package dev.authwatch.bench;

import java.util.List;
import java.util.Map;

/**
 * The churn report's comparisons for issue 17, each a median of per-round ratios (rounds
 * interleaved so that drift cancels): every method against the controls outside the process, Jetty
 * against Tomcat for the same application, and the ticket's Redis round trip.
 */
final class Comparisons {

	private Comparisons() {
	}

	static String all(Map<String, List<Churn.Round>> rounds) {
		return againstControls(rounds) + jettyAgainstTomcat(rounds) + ticketShare(rounds);
	}

	/** The controls outside the process that issue 17 compares with, in the order of the table's columns. */
	private static final List<String> OUTSIDE_CONTROLS = List.of("spring-plain", "spring-jwt", "jetty-plain", "jetty-jwt",
			"node-plain", "node-jwt");

	/**
	 * Every method as a ratio to each control outside the process (median of the per-round ratios,
	 * rounds interleaved so that drift cancels), then the targets of issue 17 met or missed.
	 */
	private static String againstControls(Map<String, List<Churn.Round>> rounds) {
		List<String> controls = OUTSIDE_CONTROLS.stream().filter(rounds::containsKey).toList();
		if (controls.isEmpty()) {
			return "";
		}
		StringBuilder table = new StringBuilder("### Against what users would run instead\n\n")
			.append("The same rounds as above, each method divided by each control of `bench/controls` in the same round: ")
			.append("spring-*: a plain Spring Boot application (same Boot and Tomcat, no Spring Security), `/plain` a no-op ")
			.append("handler, `/jwt` the same behind a minimal jjwt interceptor; jetty-*: the same application built on Jetty; ")
			.append("node-*: one Node process with `ws` and ")
			.append("`jsonwebtoken`. Median of the rounds (min–max).\n\n| method |");
		controls.forEach((control) -> table.append(" × ").append(control).append(" |"));
		table.append("\n|---|").append("---|".repeat(controls.size())).append('\n');
		for (Map.Entry<String, List<Churn.Round>> entry : rounds.entrySet()) {
			table.append("| ").append(entry.getKey()).append(" |");
			for (String control : controls) {
				table.append(' ').append(Stats.spread(ratios(entry.getValue(), rounds.get(control)), "%.2f")).append(" |");
			}
			table.append('\n');
		}
		StringBuilder targets = new StringBuilder();
		target(targets, rounds, "jwt", "spring-plain", 0.90);
		target(targets, rounds, "jwt", "spring-jwt", 1.0);
		target(targets, rounds, "jwt-new", "spring-plain", 0.85);
		target(targets, rounds, "jwt", "node-jwt", 5.0);
		target(targets, rounds, "ticket", "spring-plain", 0.75);
		if (!targets.isEmpty()) {
			table.append("\nTargets (issue 17), median of the per-round ratios:\n\n").append(targets);
		}
		return table.append('\n').toString();
	}

	/** The container decided by measurement (issue 17): the same application, Jetty's rate over Tomcat's per round. */
	private static String jettyAgainstTomcat(Map<String, List<Churn.Round>> rounds) {
		StringBuilder out = new StringBuilder();
		for (String endpoint : List.of("plain", "jwt")) {
			List<Churn.Round> jetty = rounds.get("jetty-" + endpoint);
			List<Churn.Round> tomcat = rounds.get("spring-" + endpoint);
			if (jetty != null && tomcat != null) {
				out.append(String.format("- jetty-%s ÷ spring-%s: **%s** upgrades/s; server CPU per upgrade %s µs on Jetty, %s µs on Tomcat%n",
						endpoint, endpoint, Stats.spread(ratios(jetty, tomcat), "%.2f"), cpuSpread(jetty), cpuSpread(tomcat)));
			}
		}
		return out.isEmpty() ? ""
				: "### Jetty against Tomcat, same application\n\nThe plain Spring Boot application of `bench/controls/spring` "
						+ "built twice from the same source, per-round ratios, median (min–max):\n\n" + out + "\n";
	}

	/** The Redis round trip's share of a ticket upgrade: ticket against the JWT and the unauthenticated upgrade, same rounds. */
	private static String ticketShare(Map<String, List<Churn.Round>> rounds) {
		List<Churn.Round> ticket = rounds.get("ticket");
		if (ticket == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (String method : List.of("jwt", "plain", "spring-plain")) {
			if (rounds.containsKey(method)) {
				out.append(String.format("- ticket ÷ %s: **%s** upgrades/s; server CPU per upgrade %s µs against %s µs%n", method,
						Stats.spread(ratios(ticket, rounds.get(method)), "%.2f"), cpuSpread(ticket), cpuSpread(rounds.get(method))));
			}
		}
		return out.isEmpty() ? ""
				: "### The ticket's Redis round trip\n\nA ticket upgrade redeems its ticket in Redis (`GETDEL`) where a JWT "
						+ "upgrade verifies a signature in the process; per-round ratios, median (min–max), CPU pinning as in the header:\n\n" + out + "\n";
	}

	private static String cpuSpread(List<Churn.Round> rounds) {
		return Stats.spread(rounds.stream().mapToDouble(Churn.Round::serverCpuMicrosPerUpgrade).toArray(), "%.1f");
	}

	private static void target(StringBuilder out, Map<String, List<Churn.Round>> rounds, String method, String control,
			double target) {
		if (rounds.containsKey(method) && rounds.containsKey(control)) {
			double ratio = Stats.median(ratios(rounds.get(method), rounds.get(control)));
			out.append(String.format("- %s ≥ %.2f× %s: **%.2f×**, %s%n", method, target, control, ratio,
					(ratio >= target) ? "met" : "missed"));
		}
	}

	/** Per-round ratios to a control run in the same rounds; NaN without that control in the run. */
	static double[] ratios(List<Churn.Round> rounds, List<Churn.Round> control) {
		double[] ratios = new double[rounds.size()];
		for (int r = 0; r < rounds.size(); r++) {
			ratios[r] = (control != null) ? rounds.get(r).upgradesPerSecond() / control.get(r).upgradesPerSecond() : Double.NaN;
		}
		return ratios;
	}

}
