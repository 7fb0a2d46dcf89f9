package dev.authwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients spread over several {@link ClientAgent} processes (each under the 20,000 open-file
 * limit), ten per loopback source address by default, one user each: with production rate
 * limits a source address then stays far below the per-client connection and handshake limits,
 * as real clients behind distinct addresses do.
 */
final class Population implements AutoCloseable {

	static final int PER_ADDRESS = 10;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	final List<AgentProcess> agents = new ArrayList<>();

	private int opened;

	Population(int agents, Path logs) throws IOException {
		for (int i = 0; i < agents; i++) {
			this.agents.add(AgentProcess.start(logs.resolve("agent-" + i + ".log")));
		}
	}

	/** {@code count} loopback addresses {@code 127.<second>.x.y}, y in 1…254. */
	static List<String> addresses(int second, int count) {
		List<String> addresses = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			addresses.add("127." + second + "." + (i / 254) + "." + (1 + i % 254));
		}
		return addresses;
	}

	/**
	 * Picks, from {@code 127.<second>.x.y}, addresses that nginx's consistent hash sends to each
	 * upstream: {@code wanted[i]} addresses for upstream {@code i}.
	 */
	static List<List<String>> steer(NginxHash hash, int second, int[] wanted) {
		List<List<String>> chosen = new ArrayList<>();
		for (int i = 0; i < wanted.length; i++) {
			chosen.add(new ArrayList<>());
		}
		int missing = java.util.Arrays.stream(wanted).sum();
		for (String address : addresses(second, 65000)) {
			int upstream = hash.upstreamOf(address);
			if (chosen.get(upstream).size() < wanted[upstream]) {
				chosen.get(upstream).add(address);
				if (--missing == 0) {
					return chosen;
				}
			}
		}
		throw new IllegalStateException("not enough addresses in 127." + second + ".0.0/16 for " + java.util.Arrays.toString(wanted));
	}

	/** Opens {@link #PER_ADDRESS} clients per address to {@code port}, the addresses dealt round-robin to the agents. */
	void open(int port, List<String> addresses, String prefix, int window) throws IOException {
		for (int a = 0; a < this.agents.size(); a++) {
			List<String> mine = new ArrayList<>();
			for (int i = a; i < addresses.size(); i += this.agents.size()) {
				mine.add(addresses.get(i));
			}
			if (!mine.isEmpty()) {
				this.agents.get(a)
					.call("open " + port + " " + mine.size() * PER_ADDRESS + " " + String.join(",", mine) + " " + prefix + a + "-"
							+ " " + window);
			}
		}
		this.opened += addresses.size() * PER_ADDRESS;
	}

	AgentProcess.Status status() throws IOException {
		List<AgentProcess.Status> all = new ArrayList<>();
		for (AgentProcess agent : this.agents) {
			all.add(agent.status());
		}
		return AgentProcess.Status.sum(all);
	}

	/** Waits until every client opened is open; returns the seconds it took, or -1 on timeout. */
	double awaitAllOpen(Duration timeout) throws Exception {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			AgentProcess.Status status = status();
			if (status.open() >= this.opened) {
				return (System.nanoTime() - start) / 1e9;
			}
			Thread.sleep(500);
		}
		return -1;
	}

	/** CPU time of every client process together. */
	long cpuNanos() {
		return this.agents.stream().mapToLong(AgentProcess::cpuNanos).sum();
	}

	/** Upgrades and refusals since {@code since}, in time order: {epoch ms, status}. */
	List<long[]> attempts(long since) throws IOException {
		return events(since, (kind) -> kind >= 0);
	}

	/** Closes nobody asked for since {@code since}, in time order: {epoch ms, close code}. */
	List<long[]> closes(long since) throws IOException {
		List<long[]> closes = events(since, (kind) -> kind < 0);
		closes.forEach((close) -> close[1] = -close[1]);
		return closes;
	}

	private List<long[]> events(long since, java.util.function.LongPredicate kind) throws IOException {
		List<long[]> events = new ArrayList<>();
		for (AgentProcess agent : this.agents) {
			agent.events(since).stream().filter((event) -> kind.test(event[1])).forEach(events::add);
		}
		events.sort((a, b) -> Long.compare(a[0], b[0]));
		return events;
	}

	AgentProcess.Recovery recovery(long since) throws IOException {
		int notBack = 0;
		List<long[]> back = new ArrayList<>();
		for (AgentProcess agent : this.agents) {
			AgentProcess.Recovery recovery = agent.recovery(since);
			notBack += recovery.notBack();
			back.addAll(recovery.back());
		}
		return new AgentProcess.Recovery(notBack, back);
	}

	/** The instance's own count of open chat connections ({@code auth_ws_connections_active}). */
	static long activeConnections(int port) throws Exception {
		return metricLines(port, "auth_ws_connections_active").stream()
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** The instance's {@code /metrics} lines of the series named {@code name}. */
	static List<String> metricLines(int port, String name) throws Exception {
		// Bounded: an instance at its max-connections accepts nothing, this request included.
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.body().lines().filter((line) -> line.startsWith(name)).toList();
	}

	@Override
	public void close() throws InterruptedException {
		for (AgentProcess agent : this.agents) {
			agent.close();
		}
	}

}
