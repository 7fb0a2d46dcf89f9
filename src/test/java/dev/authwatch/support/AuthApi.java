package dev.authwatch.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to the {@code /api/auth/*} endpoints of the running test server. */
public final class AuthApi {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private AuthApi(int port) {
		this.port = port;
	}

	public static AuthApi on(int port) {
		return new AuthApi(port);
	}

	public AuthApi header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public record Response(int status, JsonNode body, HttpResponse<String> raw) {

		public String text(String field) {
			JsonNode node = this.body.get(field);
			return (node != null) ? node.asString() : null;
		}

		public String error() {
			return text("error");
		}

	}

	public Response post(String path, Map<String, ?> body) throws IOException, InterruptedException {
		return postJson(path, JSON.writeValueAsString(body));
	}

	/** Posts the body as written, e.g. JSON no client library would produce. */
	public Response postJson(String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		this.headers.forEach(request::header);
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		return new Response(response.statusCode(), body, response);
	}

	public Response login(String username, String password) throws IOException, InterruptedException {
		return post("/api/auth/login", Map.of("username", username, "password", password));
	}

	public static String metric(int port, String series) throws IOException, InterruptedException {
		String body = HttpCalls.get(port, "/metrics").body();
		return body.lines().filter((line) -> line.startsWith(series)).findFirst().orElse(null);
	}

	/**
	 * The value of one exact Prometheus series, e.g.
	 * {@code auth_refresh_total{result="reuse"}}.
	 */
	public static double metricValue(int port, String series) throws IOException, InterruptedException {
		String line = metric(port, series + " ");
		if (line == null) {
			throw new AssertionError("series not found in /metrics: " + series);
		}
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

}
