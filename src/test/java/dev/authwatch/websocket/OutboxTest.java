package dev.authwatch.websocket;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox writes one frame at a time and never lets a connection's blocking write (a
 * ping) overlap a text frame's: Tomcat lost the flow when they did.
 */
class OutboxTest {

	private final List<String> written = new ArrayList<>();

	private final List<SendHandler> pending = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final Outbox outbox = new Outbox(remote(), 1_000_000, TimeUnit.SECONDS.toNanos(2), new Outbox.Failure() {

		@Override
		public void slowConsumer() {
			OutboxTest.this.failures.add("slow consumer");
		}

		@Override
		public void sendFailed() {
			OutboxTest.this.failures.add("send failed");
		}

	});

	@Test
	void framesOfferedDuringABlockingWriteFollowIt() {
		this.outbox.runWhenIdle(() -> {
			this.written.add("ping");
			this.outbox.offer("a");
			this.outbox.offer("b");
			assertThat(this.written).as("written while the ping is").containsExactly("ping");
		});
		completeNext();

		assertThat(this.written).containsExactly("ping", "a", "b");
		assertThat(this.failures).isEmpty();
	}

	@Test
	void noBlockingWriteWhileATextFrameIsPendingOrQueued() {
		this.outbox.offer("a");
		this.outbox.offer("b");

		this.outbox.runWhenIdle(() -> this.written.add("ping"));
		completeNext();
		this.outbox.runWhenIdle(() -> this.written.add("ping"));
		completeNext();
		this.outbox.runWhenIdle(() -> this.written.add("ping"));

		assertThat(this.written).containsExactly("a", "b", "ping");
	}

	@Test
	void aCloseAskedForDuringABlockingWriteRunsAfterItAndAfterWhatWasQueued() {
		List<String> closed = new ArrayList<>();
		this.outbox.runWhenIdle(() -> {
			this.written.add("ping");
			this.outbox.offer("error");
			this.outbox.closeAfterPending(() -> closed.add("close"));
			assertThat(closed).isEmpty();
		});
		assertThat(closed).as("closed before the queued frame was written").isEmpty();
		completeNext();

		assertThat(this.written).containsExactly("ping", "error");
		assertThat(closed).containsExactly("close");
	}

	@Test
	void nothingRunsOnceClosing() {
		this.outbox.closeAfterPending(() -> {
		});

		this.outbox.runWhenIdle(() -> this.written.add("ping"));
		this.outbox.offer("a");

		assertThat(this.written).isEmpty();
	}

	private void completeNext() {
		this.pending.remove(0).onResult(new SendResult());
	}

	private RemoteEndpoint.Async remote() {
		return (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RemoteEndpoint.Async.class }, (proxy, method, args) -> {
					if (!method.getName().equals("sendText") || args.length != 2) {
						throw new UnsupportedOperationException(method.getName());
					}
					this.written.add((String) args[0]);
					this.pending.add((SendHandler) args[1]);
					return null;
				});
	}

}
