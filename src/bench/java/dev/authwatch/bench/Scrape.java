package dev.authwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Times {@code GET /metrics} on one keep-alive connection and counts the series it returns. */
final class Scrape {

	record Result(int connections, long p50Nanos, long p99Nanos, long maxNanos, int series, int bytes) {
	}

	/** One timed scrape: how long it took and what it returned. */
	record Sample(long nanos, String body) {
	}

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final HttpRequest request;

	Scrape(int port) {
		// Bounded, so that a stalled instance shows as a failed scrape instead of stopping the sampler.
		this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	Result run(int connections, int scrapes) throws Exception {
		send();
		long[] times = new long[scrapes];
		String body = "";
		for (int i = 0; i < scrapes; i++) {
			long start = System.nanoTime();
			body = send();
			times[i] = System.nanoTime() - start;
			Thread.sleep(20);
		}
		int series = (int) body.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).count();
		return new Result(connections, Stats.percentile(times, scrapes, 0.5), Stats.percentile(times, scrapes, 0.99),
				Stats.percentile(times, scrapes, 1.0), series, body.length());
	}

	Sample sample() throws Exception {
		long start = System.nanoTime();
		String body = send();
		return new Sample(System.nanoTime() - start, body);
	}

	private String send() throws Exception {
		HttpResponse<String> response = this.http.send(this.request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/metrics answered " + response.statusCode());
		}
		return response.body();
	}

}
