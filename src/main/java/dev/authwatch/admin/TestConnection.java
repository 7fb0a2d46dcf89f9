package dev.authwatch.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.authwatch.auth.ChainTrace;
import dev.authwatch.auth.HandshakeTraces;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.websocket.WebSocketConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A real WebSocket connection from the service to its own {@code /ws/chat} over loopback,
 * as the given user, with a short-lived token that carries only the
 * {@code test-connection} role. The handshake goes through the real chain (so it is
 * counted like any attempt) with a {@link HandshakeTraces trace} that reports each step;
 * then the welcome frame, one ping/pong round trip and a normal close, each timed.
 */
final class TestConnection implements ApplicationListener<WebServerInitializedEvent> {

	private final AccessTokenIssuer issuer;

	private final HandshakeTraces traces;

	private final UserConnections connections;

	private final AdminProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	private volatile int port = -1;

	TestConnection(AccessTokenIssuer issuer, HandshakeTraces traces, UserConnections connections,
			AdminProperties properties, JsonMapper json) {
		this.issuer = issuer;
		this.traces = traces;
		this.connections = connections;
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(properties.testConnectionTimeout()).build();
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	TestConnectionReport run(String userId) {
		long start = System.nanoTime();
		List<TestConnectionReport.Step> steps = new ArrayList<>();
		long stepStart = System.nanoTime();
		AccessTokenIssuer.IssuedToken token = this.issuer.issue(userId, List.of(ConnectionView.TEST_ROLE),
				this.properties.testConnectionTokenTtl());
		steps.add(new TestConnectionReport.Step("token", "ok", millis(stepStart), null,
				"Minted a " + this.properties.testConnectionTokenTtl().toSeconds() + " s access token with role "
						+ ConnectionView.TEST_ROLE + ", expiring " + token.expiresAt()));
		if (this.port < 0) {
			steps.add(new TestConnectionReport.Step("handshake", "failed", 0, null, "The web server has not started."));
			return report(userId, start, steps);
		}
		List<TestConnectionReport.Step> chainSteps = Collections.synchronizedList(new ArrayList<>());
		String traceId = this.traces
			.register((step, verdict, reason, nanos) -> chainSteps.add(new TestConnectionReport.Step("chain:" + step,
					verdict, nanos / 1_000_000.0, (reason != null) ? reason.code() : null, null)));
		FrameQueue frames = new FrameQueue();
		WebSocket socket = null;
		try {
			stepStart = System.nanoTime();
			socket = handshake(token.value(), traceId, frames, steps, chainSteps, stepStart);
			if (socket != null) {
				converse(socket, frames, steps);
			}
		}
		finally {
			this.traces.discard(traceId);
			if (socket != null) {
				socket.abort();
			}
		}
		return report(userId, start, steps);
	}

	private WebSocket handshake(String token, String traceId, FrameQueue frames, List<TestConnectionReport.Step> steps,
			List<TestConnectionReport.Step> chainSteps, long stepStart) {
		URI uri = URI.create("ws://127.0.0.1:" + this.port + WebSocketConfiguration.CHAT_PATH);
		Duration timeout = this.properties.testConnectionTimeout();
		try {
			WebSocket socket = this.http.newWebSocketBuilder()
				.header("Authorization", "Bearer " + token)
				.header(HandshakeTraces.HEADER, traceId)
				.connectTimeout(timeout)
				.buildAsync(uri, frames)
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			steps.addAll(chainSteps);
			steps.add(new TestConnectionReport.Step("handshake", "ok", millis(stepStart), null,
					"101 Switching Protocols"));
			return socket;
		}
		catch (ExecutionException | CompletionException ex) {
			steps.addAll(chainSteps);
			String reason = chainSteps.stream()
				.filter(TestConnectionReport.Step::failed)
				.map(TestConnectionReport.Step::reason)
				.findFirst()
				.orElse(null);
			String detail = (ex.getCause() instanceof WebSocketHandshakeException refused)
					? "Refused with HTTP " + refused.getResponse().statusCode() : "Failed: " + ex.getCause();
			steps.add(new TestConnectionReport.Step("handshake", "failed", millis(stepStart), reason, detail));
		}
		catch (TimeoutException ex) {
			steps.addAll(chainSteps);
			steps.add(new TestConnectionReport.Step("handshake", "failed", millis(stepStart), null,
					"No answer within " + timeout.toMillis() + " ms"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			steps.add(new TestConnectionReport.Step("handshake", "failed", millis(stepStart), null, "Interrupted"));
		}
		return null;
	}

	private void converse(WebSocket socket, FrameQueue frames, List<TestConnectionReport.Step> steps) {
		Duration timeout = this.properties.testConnectionTimeout();
		long stepStart = System.nanoTime();
		String welcome = frames.nextText(timeout);
		if (welcome == null) {
			steps.add(new TestConnectionReport.Step("welcome", "failed", millis(stepStart), null,
					"No welcome frame within " + timeout.toMillis() + " ms"));
		}
		else {
			JsonNode frame = this.json.readTree(welcome);
			boolean ok = "welcome".equals(frame.path("type").asString());
			steps.add(new TestConnectionReport.Step("welcome", ok ? "ok" : "failed", millis(stepStart), null,
					ok ? "method " + frame.path("method").asString() + ", credential expires "
							+ frame.path("expiresAt").asString()
							: "Unexpected first frame of type " + frame.path("type").asString()));
		}
		stepStart = System.nanoTime();
		socket.sendPing(ByteBuffer.wrap(new byte[] { 'a', 'w' }));
		boolean pong = frames.awaitPong(timeout);
		steps.add(new TestConnectionReport.Step("ping", pong ? "ok" : "failed", millis(stepStart), null,
				pong ? "pong received" : "No pong within " + timeout.toMillis() + " ms"));
		stepStart = System.nanoTime();
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "test connection done");
		Integer code = frames.awaitClose(timeout);
		steps.add(new TestConnectionReport.Step("close", (code != null) ? "ok" : "failed", millis(stepStart), null,
				(code != null) ? "closed with " + code : "No close answer within " + timeout.toMillis() + " ms"));
	}

	private TestConnectionReport report(String userId, long start, List<TestConnectionReport.Step> steps) {
		boolean success = steps.stream().noneMatch(TestConnectionReport.Step::failed);
		List<ConnectionView> live = this.connections.of(userId)
			.stream()
			.filter((connection) -> !connection.testConnection())
			.toList();
		return new TestConnectionReport(userId, success, millis(start), List.copyOf(steps), live);
	}

	private static double millis(long startNanos) {
		return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
	}

}
