package dev.authwatch.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to the running test server. */
public final class HttpCalls {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private HttpCalls() {
	}

	public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public static HttpResponse<String> post(int port, String path, String bearerToken)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
