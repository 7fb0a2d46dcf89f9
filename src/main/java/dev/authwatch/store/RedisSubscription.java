package dev.authwatch.store;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;

/**
 * Starts AuthWatch's Redis subscription without making startup depend on Redis: when
 * Redis is down the service starts anyway (tickets and sessions answer 503 meanwhile) and
 * the subscription is retried until it succeeds.
 */
final class RedisSubscription implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RedisSubscription.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private final RedisMessageListenerContainer container;

	private final TaskScheduler scheduler;

	private volatile @Nullable ScheduledFuture<?> retrying;

	private volatile boolean running;

	RedisSubscription(RedisMessageListenerContainer container, TaskScheduler scheduler) {
		this.container = container;
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		this.running = true;
		if (!trySubscribe()) {
			this.retrying = this.scheduler.scheduleWithFixedDelay(this::retry, RETRY);
		}
	}

	private void retry() {
		if (trySubscribe() && this.retrying != null) {
			this.retrying.cancel(false);
		}
	}

	private boolean trySubscribe() {
		try {
			this.container.start();
			return true;
		}
		catch (DataAccessException ex) {
			logger.warn(
					"Redis is unreachable; revocations and room messages from other instances are not received until it is back ({})",
					ex.getMessage());
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledFuture<?> current = this.retrying;
		if (current != null) {
			current.cancel(false);
		}
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
