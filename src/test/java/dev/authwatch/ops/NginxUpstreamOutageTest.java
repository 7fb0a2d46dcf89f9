package dev.authwatch.ops;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import dev.authwatch.support.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While Redis is unavailable every instance answers 503 {@code store_unavailable}. The
 * shipped nginx configuration must pass those answers on, not count them as failed
 * upstreams: counted, they took every instance out for {@code fail_timeout}, and nginx
 * answered 502 "no live upstreams" even after Redis was back (docs/benchmarks.md,
 * Cluster).
 */
class NginxUpstreamOutageTest {

	private static final byte[] STORE_UNAVAILABLE = "{\"error\":\"store_unavailable\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void everyInstanceAnswering503StaysInTheUpstreamAndClientsGetThe503(@TempDir Path directory) throws Exception {
		ExternalTool tool = ExternalTool.require("nginx", "nginx-light");
		List<HttpServer> instances = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				instances.add(answering503());
			}
			int port = LocalPorts.free();
			try (StackProcess nginx = ShippedNginx.start(tool, directory, port,
					instances.stream().map((server) -> server.getAddress().getPort()).toList())) {
				HttpClient http = HttpClient.newHttpClient();
				for (int i = 0; i < 12; i++) {
					HttpResponse<String> response = http.send(
							HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/ticket")).build(),
							HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).as("answer %d through nginx", i + 1).isEqualTo(503);
					assertThat(response.body()).contains("store_unavailable");
				}
			}
		}
		finally {
			instances.forEach((server) -> server.stop(0));
		}
	}

	private static HttpServer answering503() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(503, STORE_UNAVAILABLE.length);
			exchange.getResponseBody().write(STORE_UNAVAILABLE);
			exchange.close();
		});
		server.start();
		return server;
	}

}
