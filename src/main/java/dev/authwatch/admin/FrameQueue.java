package dev.authwatch.admin;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The test connection's client side: collects text frames, the pong and the close code.
 */
final class FrameQueue implements WebSocket.Listener {

	private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Boolean> pong = new CompletableFuture<>();

	private final CompletableFuture<Integer> close = new CompletableFuture<>();

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.texts.add(this.partial.toString());
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
		this.pong.complete(true);
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.close.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.close.complete(null);
	}

	@Nullable String nextText(Duration timeout) {
		try {
			return this.texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	boolean awaitPong(Duration timeout) {
		return this.pong.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS).join();
	}

	@Nullable Integer awaitClose(Duration timeout) {
		return this.close.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).join();
	}

}
