package dev.authwatch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which CPUs the processes of a run may use, set with util-linux {@code taskset}: the servers
 * (AuthWatch and every control) are started under {@code taskset -c}, Redis and this load
 * generator are pinned once running ({@code taskset -a -p -c}, every thread). A pinned JVM server
 * is told its CPU count ({@code -XX:ActiveProcessorCount}) so that it sizes its pools for it. On
 * two cores the split {@code --server-cpus 0 --redis-cpus 1} gives Redis a core of its own and
 * leaves server and client sharing the other for every method, so ticket ÷ plain compares like with
 * like.
 */
record Pinning(String server, String redis, String client) {

	static final Pinning NONE = new Pinning(null, null, null);

	boolean any() {
		return this.server != null || this.redis != null || this.client != null;
	}

	/** What goes before a server's command: {@code taskset -c CPUS}, or nothing. */
	List<String> serverLauncher() {
		return (this.server != null) ? List.of("taskset", "-c", this.server) : List.of();
	}

	/** A server JVM's flags, plus its CPU count when pinned. */
	List<String> serverJvm(List<String> flags) {
		if (this.server == null) {
			return flags;
		}
		List<String> pinned = new ArrayList<>(flags);
		pinned.add("-XX:ActiveProcessorCount=" + count(this.server));
		return pinned;
	}

	void pinRedis(Supplier<ProcessHandle> redis) throws IOException, InterruptedException {
		if (this.redis != null) {
			pin(redis.get().pid(), this.redis);
		}
	}

	/** Pins this process before it starts its own threads, which inherit the affinity. */
	void pinClient() throws IOException, InterruptedException {
		if (this.client != null) {
			pin(ProcessHandle.current().pid(), this.client);
		}
	}

	String describe() {
		return any() ? String.format("server(s) on CPU %s, Redis on CPU %s, client on CPU %s (taskset)", orAll(this.server),
				orAll(this.redis), orAll(this.client)) : "none";
	}

	private static String orAll(String cpus) {
		return (cpus != null) ? cpus : "any";
	}

	private static void pin(long pid, String cpus) throws IOException, InterruptedException {
		Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)).redirectErrorStream(true)
			.start();
		String out = new String(taskset.getInputStream().readAllBytes());
		if (taskset.waitFor() != 0) {
			throw new IllegalStateException("taskset could not pin process " + pid + " to CPU " + cpus + ": " + out.trim());
		}
	}

	/** CPUs in a taskset list: {@code 0}, {@code 0,2}, {@code 0-3}. */
	static int count(String cpus) {
		int count = 0;
		for (String part : cpus.split(",")) {
			String[] range = part.split("-");
			count += (range.length == 1) ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
		}
		return count;
	}

}
