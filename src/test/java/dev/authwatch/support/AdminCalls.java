package dev.authwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

/** Calls to the admin API of the running test server, with an optional bearer token. */
public final class AdminCalls {

	public static final String BASE = "/api/admin/websocket-auth";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	private final @Nullable String token;

	private AdminCalls(int port, @Nullable String token) {
		this.port = port;
		this.token = token;
	}

	public static AdminCalls as(int port, @Nullable String token) {
		return new AdminCalls(port, token);
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send(request(path).DELETE());
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Opens a streaming response (SSE); the caller closes its body. */
	public HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
		return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	/** Opens an SSE stream that starts after the given event id. */
	public HttpResponse<InputStream> stream(String path, long lastEventId) throws IOException, InterruptedException {
		return HTTP.send(request(path).header("Last-Event-ID", Long.toString(lastEventId)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
