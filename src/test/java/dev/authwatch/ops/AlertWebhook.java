package dev.authwatch.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** The webhook receiver Alertmanager delivers to during the stack test. */
final class AlertWebhook implements AutoCloseable {

	record Delivery(String receiver, String body) {
	}

	private final HttpServer server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	AlertWebhook() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.deliveries.add(new Delivery(exchange.getRequestURI().getPath().substring(1), body));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Whether {@code receiver} was sent a firing notification for {@code alertname}. */
	boolean received(String receiver, String alertname) {
		return this.deliveries.stream()
			.anyMatch((delivery) -> delivery.receiver().equals(receiver)
					&& delivery.body().contains("\"status\":\"firing\"")
					&& delivery.body().contains("\"alertname\":\"" + alertname + "\""));
	}

	List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
