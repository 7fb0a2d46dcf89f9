package dev.authwatch.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.AuthMetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * Relays every instance's events to the others over Redis pub/sub. The event log calls
 * its subscribers on the publishing thread (often a handshake), so this instance's events
 * only go into a bounded queue (a full queue drops and counts) and are published in
 * batches every {@link #FLUSH_INTERVAL}; the other instances' batches arrive on the
 * shared subscription.
 * <p>
 * The events are read only by admins' live streams, so they are published only while some
 * instance has one open: that instance keeps {@link #WATCHED} alive in Redis (written
 * before its stream is answered, then at each of its flushes), and a flush finding no
 * such key discards its batch instead of serialising and publishing it. Every event after
 * a stream opened is still relayed: the key exists before the stream's first byte, and
 * the next flush of every instance sees it.
 */
public final class RedisEventRelay implements ClusterEvents, MessageListener, SmartLifecycle {

	public static final String CHANNEL = "authwatch:events";

	static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

	static final String WATCHED = "authwatch:events:watched";

	/**
	 * Outlives a few missed refreshes, and no more: a crashed watcher stops the relay
	 * soon.
	 */
	private static final Duration WATCH_TTL = Duration.ofSeconds(5);

	private static final int QUEUE = 10_000;

	/**
	 * Events per pub/sub message: about 200 KB of JSON, well inside the 1 MiB every
	 * instance reads
	 * ({@code spring.jackson.factory.constraints.read.max-document-length}); a whole
	 * 10,000-event outbox in one message was refused by every reader.
	 */
	static final int EVENTS_PER_MESSAGE = 1_000;

	private static final Logger logger = LoggerFactory.getLogger(RedisEventRelay.class);

	private static final TypeReference<List<InstanceEvent>> BATCH = new TypeReference<>() {
	};

	private final AuthEventLog log;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final String self;

	private final TaskScheduler scheduler;

	private final BlockingQueue<InstanceEvent> outbox = new ArrayBlockingQueue<>(QUEUE);

	private final Set<Consumer<InstanceEvent>> subscribers = ConcurrentHashMap.newKeySet();

	private final Counter dropped;

	private volatile @Nullable AutoCloseable localSubscription;

	private volatile @Nullable ScheduledFuture<?> flushing;

	public RedisEventRelay(AuthEventLog log, StringRedisTemplate redis, JsonMapper json, String self,
			TaskScheduler scheduler, MeterRegistry meters) {
		this.log = log;
		this.redis = redis;
		this.json = json;
		this.self = self;
		this.scheduler = scheduler;
		this.dropped = Counter.builder(AuthMetricNames.CLUSTER_EVENTS_DROPPED)
			.description("Events of this instance not relayed to the others because the relay fell behind")
			.register(meters);
	}

	@Override
	public AutoCloseable subscribe(Consumer<InstanceEvent> subscriber) {
		this.subscribers.add(subscriber);
		markWatched();
		return () -> this.subscribers.remove(subscriber);
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		List<InstanceEvent> batch = this.json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), BATCH);
		for (InstanceEvent event : batch) {
			if (!event.instance().equals(this.self)) {
				this.subscribers.forEach((subscriber) -> subscriber.accept(event));
			}
		}
	}

	void flush() {
		if (!this.subscribers.isEmpty()) {
			markWatched();
		}
		if (this.outbox.isEmpty()) {
			return;
		}
		if (!watchedAnywhere()) {
			this.outbox.clear();
			return;
		}
		List<InstanceEvent> batch = new ArrayList<>(EVENTS_PER_MESSAGE);
		while (this.outbox.drainTo(batch, EVENTS_PER_MESSAGE) > 0) {
			publish(batch);
			batch.clear();
		}
	}

	private void markWatched() {
		try {
			this.redis.opsForValue().set(WATCHED, this.self, WATCH_TTL);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not mark the event relay as watched (retrying every {}): {}", FLUSH_INTERVAL,
					ex.getMessage());
		}
	}

	/**
	 * When Redis cannot tell, the batch is published, and a failure counted as dropped.
	 */
	private boolean watchedAnywhere() {
		try {
			return Boolean.TRUE.equals(this.redis.hasKey(WATCHED));
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private void publish(List<InstanceEvent> batch) {
		try {
			this.redis.convertAndSend(CHANNEL, this.json.writeValueAsString(batch));
		}
		catch (RuntimeException ex) {
			this.dropped.increment(batch.size());
			logger.debug("Could not relay {} event(s) to the other instances: {}", batch.size(), ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.localSubscription = this.log.subscribe((event) -> {
			if (!this.outbox.offer(InstanceEvent.of(this.self, event))) {
				this.dropped.increment();
			}
		});
		this.flushing = this.scheduler.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.flushing;
		this.flushing = null;
		if (task != null) {
			task.cancel(false);
		}
		try {
			AutoCloseable subscription = this.localSubscription;
			if (subscription != null) {
				subscription.close();
			}
		}
		catch (Exception ex) {
			logger.debug("Could not end the event relay's subscription", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.flushing != null;
	}

}
