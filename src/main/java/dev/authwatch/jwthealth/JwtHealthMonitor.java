package dev.authwatch.jwthealth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import dev.authwatch.auth.jwt.JwtKeyRing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Continuous validation: checks the JWT configuration once at startup and then every
 * {@code AUTHENTICATION_HEALTH_CHECK_INTERVAL}, keeping the latest report for the
 * endpoint, the actuator component and the gauges, so that serving them costs nothing.
 */
final class JwtHealthMonitor implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JwtHealthMonitor.class);

	private final JwtConfigInspector inspector;

	private final JwtKeyRing keyRing;

	private final RotationTracker rotations;

	private final DriftTracker drifts;

	private final JwtHealthMetrics metrics;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile @Nullable JwtHealthReport latest;

	private @Nullable ScheduledFuture<?> schedule;

	JwtHealthMonitor(JwtConfigInspector inspector, JwtKeyRing keyRing, RotationTracker rotations, DriftTracker drifts,
			JwtHealthMetrics metrics, TaskScheduler scheduler, Duration interval) {
		this.inspector = inspector;
		this.keyRing = keyRing;
		this.rotations = rotations;
		this.drifts = drifts;
		this.metrics = metrics;
		this.scheduler = scheduler;
		this.interval = interval;
	}

	/** The latest report; checks now if none has been made yet. */
	JwtHealthReport report() {
		JwtHealthReport report = this.latest;
		return (report != null) ? report : check();
	}

	synchronized JwtHealthReport check() {
		if (this.keyRing.usable()) {
			this.rotations.observe(this.keyRing.current().kid());
		}
		JwtConfigInspector.Inspection inspection = this.inspector.inspect(this.rotations.lastRotation());
		if (this.keyRing.usable()) {
			this.drifts.track(this.keyRing.current().kid(), inspection.peers());
		}
		JwtHealthReport report = inspection.report();
		JwtHealthReport previous = this.latest;
		if (previous == null || previous.status() != report.status()) {
			if (report.issues().isEmpty()) {
				logger.info("JWT configuration is {} (score {})", report.status().code(), report.score());
			}
			else {
				logger.warn("JWT configuration is {} (score {}): {}", report.status().code(), report.score(),
						String.join(" ", report.issues()));
			}
		}
		this.metrics.update(report);
		this.latest = report;
		return report;
	}

	private void checkSafely() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("JWT configuration check failed", ex);
		}
	}

	@Override
	public synchronized void start() {
		checkSafely();
		this.schedule = this.scheduler.scheduleWithFixedDelay(this::checkSafely, Instant.now().plus(this.interval),
				this.interval);
	}

	@Override
	public synchronized void stop() {
		if (this.schedule != null) {
			this.schedule.cancel(false);
			this.schedule = null;
		}
		this.inspector.withdraw();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.schedule != null;
	}

}
