package dev.authwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link ClientAgent} process, driven one command line at a time. */
final class AgentProcess implements AutoCloseable {

	private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\{[^}]*\\}|\\S+)");

	private final Process process;

	private final Writer in;

	private final BufferedReader out;

	private AgentProcess(Process process) {
		this.process = process;
		this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	static AgentProcess start(Path log) throws IOException {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
				"-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), ClientAgent.class.getName())
			.redirectError(log.toFile())
			.start();
		return new AgentProcess(process);
	}

	/** CPU time (user and system) the client process has used so far. */
	long cpuNanos() {
		return this.process.info().totalCpuDuration().orElseThrow().toNanos();
	}

	synchronized String call(String command) throws IOException {
		this.in.write(command + "\n");
		this.in.flush();
		String answer = this.out.readLine();
		if (answer == null) {
			throw new IOException("the client agent exited (see its log)");
		}
		return answer;
	}

	Status status() throws IOException {
		Map<String, String> fields = new TreeMap<>();
		Matcher matcher = FIELD.matcher(call("status"));
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		return new Status(Integer.parseInt(fields.get("clients")), Integer.parseInt(fields.get("open")),
				Integer.parseInt(fields.get("lost")), Integer.parseInt(fields.get("stopped")), Long.parseLong(fields.get("pings")),
				counts(fields.get("refusals")), counts(fields.get("closes")));
	}

	/**
	 * Upgrades (101), refusals (HTTP status; 0: no HTTP answer) and unexpected closes (minus the close code) since
	 * {@code since}: {epoch ms, status}.
	 */
	List<long[]> events(long since) throws IOException {
		List<long[]> events = new ArrayList<>();
		String body = call("events " + since).substring("events ".length());
		for (String event : body.split(";")) {
			if (!event.isEmpty()) {
				String[] parts = event.split(",");
				events.add(new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) });
			}
		}
		return events;
	}

	/** Connections lost since {@code since}: {lost at, open again at} (epoch ms); the first element counts those not back. */
	Recovery recovery(long since) throws IOException {
		String[] parts = call("recovery " + since).split(" ");
		List<long[]> back = new ArrayList<>();
		if (parts.length > 2) {
			for (String pair : parts[2].split(";")) {
				if (!pair.isEmpty()) {
					String[] times = pair.split(",");
					back.add(new long[] { Long.parseLong(times[0]), Long.parseLong(times[1]) });
				}
			}
		}
		return new Recovery(Integer.parseInt(parts[1]), back);
	}

	private static Map<Integer, Integer> counts(String map) {
		Map<Integer, Integer> counts = new TreeMap<>();
		String inner = map.substring(1, map.length() - 1).trim();
		if (!inner.isEmpty()) {
			for (String entry : inner.split(", ")) {
				String[] kv = entry.split("=");
				counts.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
			}
		}
		return counts;
	}

	record Status(int clients, int open, int lost, int stopped, long pings, Map<Integer, Integer> refusals,
			Map<Integer, Integer> closes) {

		static Status sum(List<Status> all) {
			Map<Integer, Integer> refusals = new TreeMap<>();
			Map<Integer, Integer> closes = new TreeMap<>();
			all.forEach((s) -> s.refusals.forEach((k, v) -> refusals.merge(k, v, Integer::sum)));
			all.forEach((s) -> s.closes.forEach((k, v) -> closes.merge(k, v, Integer::sum)));
			return new Status(all.stream().mapToInt(Status::clients).sum(), all.stream().mapToInt(Status::open).sum(),
					all.stream().mapToInt(Status::lost).sum(), all.stream().mapToInt(Status::stopped).sum(),
					all.stream().mapToLong(Status::pings).sum(), refusals, closes);
		}

	}

	record Recovery(int notBack, List<long[]> back) {
	}

	@Override
	public void close() throws InterruptedException {
		try {
			call("close");
		}
		catch (IOException ex) {
			// gone already
		}
		if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
