package dev.authwatch.cluster;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Announces this instance every {@code authwatch.cluster.announce-interval} from start
 * until stop, and leaves the cluster on a graceful stop. A failed announcement is logged
 * when announcing starts failing and when it recovers, not every interval.
 */
final class InstanceAnnouncer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InstanceAnnouncer.class);

	private final LocalInstance self;

	private final Membership membership;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile @Nullable ScheduledFuture<?> announcing;

	private volatile boolean failing;

	InstanceAnnouncer(LocalInstance self, Membership membership, TaskScheduler scheduler, Duration interval) {
		this.self = self;
		this.membership = membership;
		this.scheduler = scheduler;
		this.interval = interval;
	}

	void announce() {
		try {
			this.membership.announce(this.self.status());
			if (this.failing) {
				this.failing = false;
				logger.info("Cluster announcements of instance {} work again", this.self.id());
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				this.failing = true;
				logger.warn("Instance {} could not announce itself to the cluster (retrying every {}): {}",
						this.self.id(), this.interval, ex.getMessage());
			}
		}
	}

	@Override
	public void start() {
		this.announcing = this.scheduler.scheduleAtFixedRate(this::announce, this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.announcing;
		this.announcing = null;
		if (task != null) {
			task.cancel(false);
		}
		try {
			this.membership.leave(this.self.id());
		}
		catch (RuntimeException ex) {
			logger.info("Instance {} could not leave the cluster; it expires after the grace period: {}",
					this.self.id(), ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.announcing != null;
	}

}
