package dev.authwatch.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) that queues the frames it receives. */
public final class ChatClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final WebSocket socket;

	private ChatClient(WebSocket.Builder builder, URI uri) {
		this.socket = builder.buildAsync(uri, new Listener()).join();
	}

	public static ChatClient withBearerHeader(int port, String token) {
		return new ChatClient(HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token), uri(port, ""));
	}

	public static ChatClient withBearerSubprotocol(int port, String token) {
		return new ChatClient(HTTP.newWebSocketBuilder().subprotocols("bearer", token), uri(port, ""));
	}

	/** A browser-like client: e.g. a session cookie and an {@code Origin}. */
	public static ChatClient withHeaders(int port, Map<String, String> headers) {
		WebSocket.Builder builder = HTTP.newWebSocketBuilder();
		headers.forEach(builder::header);
		return new ChatClient(builder, uri(port, ""));
	}

	public static ChatClient withTicket(int port, String ticket) {
		return new ChatClient(HTTP.newWebSocketBuilder(), uri(port, "?ticket=" + ticket));
	}

	private static URI uri(int port, String query) {
		return URI.create("ws://localhost:" + port + "/ws/chat" + query);
	}

	public String subprotocol() {
		return this.socket.getSubprotocol();
	}

	public void send(String text) {
		this.socket.sendText(text, true).join();
	}

	public void send(Map<String, Object> frame) {
		send(JSON.writeValueAsString(frame));
	}

	/**
	 * Sends unless the connection is already closing; @return whether the frame went out
	 */
	public boolean trySend(Map<String, Object> frame) {
		try {
			send(frame);
			return true;
		}
		catch (java.util.concurrent.CompletionException | IllegalStateException ex) {
			return false;
		}
	}

	/** The next frame, failing the test if none arrives within 5 seconds. */
	public JsonNode next() throws InterruptedException {
		String frame = this.frames.poll(5, TimeUnit.SECONDS);
		if (frame == null) {
			throw new AssertionError("no frame received within 5 s");
		}
		return JSON.readTree(frame);
	}

	/**
	 * The next frame of the given type, skipping others; fails the test when 5 seconds
	 * pass without a frame.
	 */
	public JsonNode next(String type) throws InterruptedException {
		JsonNode frame;
		do {
			frame = next();
		}
		while (!type.equals(frame.get("type").asString()));
		return frame;
	}

	/**
	 * Reads the welcome, joins the room and reads up to the {@code joined} answer (frames
	 * of others in between are skipped).
	 */
	public void welcomeThenJoin(String room) throws InterruptedException {
		next();
		send(Map.of("type", "join", "room", room));
		next("joined");
	}

	/** The next frame if one arrives within the given time, else {@code null}. */
	public JsonNode nextWithin(Duration wait) throws InterruptedException {
		String frame = this.frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		return (frame != null) ? JSON.readTree(frame) : null;
	}

	/**
	 * The frames of the given type received and not yet read, for a failing test's
	 * message.
	 */
	public List<String> unread(String type) {
		return this.frames.stream()
			.filter((frame) -> type.equals(JSON.readTree(frame).path("type").asString()))
			.toList();
	}

	/** How the connection ended so far, for a failing test's message. */
	public String state() {
		if (!this.closeCode.isDone()) {
			return "open";
		}
		return this.closeCode.handle((code, error) -> (error != null) ? "failed: " + error : "closed " + code).join();
	}

	public int awaitClose() {
		return this.closeCode.orTimeout(10, TimeUnit.SECONDS).join();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
				.orTimeout(5, TimeUnit.SECONDS)
				.exceptionally((ex) -> null)
				.join();
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				ChatClient.this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			ChatClient.this.closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			ChatClient.this.closeCode.completeExceptionally(error);
		}

	}

}
