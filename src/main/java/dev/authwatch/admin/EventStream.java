package dev.authwatch.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.authwatch.cluster.ClusterEvents;
import dev.authwatch.cluster.InstanceEvent;
import dev.authwatch.events.AuthEvent;
import dev.authwatch.events.AuthEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live authentication events over SSE. The event log calls subscribers on the publishing
 * thread (often a handshake), so each subscriber only offers the event to its own bounded
 * queue — dropping it, and counting the drop, when a slow reader has let the queue fill —
 * and one sender thread writes every queue to its stream. Streams are closed before the
 * web server's graceful shutdown, so an open dashboard never holds the shutdown up.
 */
final class EventStream implements SmartLifecycle {

	static final String EVENT_NAME = "auth";

	private static final Logger logger = LoggerFactory.getLogger(EventStream.class);

	private static final int BACKLOG = 50;

	private static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

	private final AuthEventLog log;

	private final ClusterEvents cluster;

	private final String self;

	private final Duration timeout;

	private final int buffer;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final AtomicLong dropped = new AtomicLong();

	private volatile ScheduledExecutorService sender;

	EventStream(AuthEventLog log, ClusterEvents cluster, String self, AdminProperties properties) {
		this.log = log;
		this.cluster = cluster;
		this.self = self;
		this.timeout = properties.eventStreamTimeout();
		this.buffer = properties.eventStreamBuffer();
	}

	/**
	 * @param lastEventId the last sequence of this instance the client has seen (SSE
	 * {@code Last-Event-ID}), or 0; the backlog is this instance's, the live stream every
	 * instance's
	 */
	SseEmitter open(long lastEventId) {
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		Subscriber subscriber = new Subscriber(emitter, new ArrayBlockingQueue<>(this.buffer));
		subscriber.subscriptions
			.add(this.log.subscribe((event) -> subscriber.offer(InstanceEvent.of(this.self, event))));
		subscriber.subscriptions.add(this.cluster.subscribe(subscriber::offer));
		List<AuthEvent> recent = this.log.recent(BACKLOG);
		for (int i = recent.size() - 1; i >= 0; i--) {
			if (recent.get(i).sequence() > lastEventId) {
				subscriber.backlog.add(InstanceEvent.of(this.self, recent.get(i)));
			}
		}
		emitter.onCompletion(subscriber::unsubscribe);
		emitter.onTimeout(subscriber::unsubscribe);
		emitter.onError((ex) -> subscriber.unsubscribe());
		this.subscribers.add(subscriber);
		return emitter;
	}

	long dropped() {
		return this.dropped.get();
	}

	int subscribers() {
		return this.subscribers.size();
	}

	private void flush() {
		for (Subscriber subscriber : this.subscribers) {
			try {
				subscriber.flush();
			}
			catch (IOException | RuntimeException ex) {
				subscriber.unsubscribe();
				subscriber.emitter.completeWithError(ex);
			}
		}
	}

	private void keepAlive() {
		for (Subscriber subscriber : this.subscribers) {
			try {
				subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | RuntimeException ex) {
				subscriber.unsubscribe();
			}
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "admin-sse");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(),
				TimeUnit.SECONDS);
		this.sender = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.sender;
		this.sender = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		for (Subscriber subscriber : this.subscribers) {
			subscriber.unsubscribe();
			subscriber.emitter.complete();
		}
	}

	@Override
	public boolean isRunning() {
		return this.sender != null;
	}

	/**
	 * Stop with the connection registry: before the web server's graceful shutdown waits
	 * for requests.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1;
	}

	private final class Subscriber {

		private final SseEmitter emitter;

		private final BlockingQueue<InstanceEvent> queue;

		private final Queue<InstanceEvent> backlog = new ArrayDeque<>();

		private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();

		/**
		 * This instance's events up to this sequence came with the backlog; the queue may
		 * repeat some of them.
		 */
		private long backlogEnd;

		Subscriber(SseEmitter emitter, BlockingQueue<InstanceEvent> queue) {
			this.emitter = emitter;
			this.queue = queue;
		}

		void offer(InstanceEvent event) {
			if (!this.queue.offer(event)) {
				EventStream.this.dropped.incrementAndGet();
			}
		}

		/** Only ever called on the sender thread. */
		void flush() throws IOException {
			for (InstanceEvent event = this.backlog.poll(); event != null; event = this.backlog.poll()) {
				send(event, true);
				this.backlogEnd = event.sequence();
			}
			for (InstanceEvent event = this.queue.poll(); event != null; event = this.queue.poll()) {
				boolean local = event.instance().equals(EventStream.this.self);
				if (!local || event.sequence() > this.backlogEnd) {
					send(event, local);
				}
			}
		}

		/**
		 * Only this instance's events carry an id: {@code Last-Event-ID} resumes this
		 * instance's log.
		 */
		private void send(InstanceEvent event, boolean local) throws IOException {
			SseEmitter.SseEventBuilder frame = SseEmitter.event().name(EVENT_NAME);
			if (local) {
				frame.id(Long.toString(event.sequence()));
			}
			this.emitter.send(frame.data(event, MediaType.APPLICATION_JSON));
		}

		void unsubscribe() {
			EventStream.this.subscribers.remove(this);
			for (AutoCloseable subscription : this.subscriptions) {
				try {
					subscription.close();
				}
				catch (Exception ex) {
					logger.debug("Could not end an event subscription", ex);
				}
			}
		}

	}

}
