package dev.authwatch.ops;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Instant queries against the stack test's Prometheus. */
final class PrometheusApi {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	PrometheusApi(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * @return the {@code data.result} array of an instant query; fails on a query error
	 */
	JsonNode query(String promql) throws IOException, InterruptedException {
		URI uri = URI.create(this.baseUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode body = JSON.readTree(response.body());
		if (!"success".equals(body.path("status").asString())) {
			throw new AssertionError("query failed: " + promql + " -> " + response.body());
		}
		return body.path("data").path("result");
	}

	boolean ready() {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/-/ready"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
