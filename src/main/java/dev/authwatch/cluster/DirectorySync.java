package dev.authwatch.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;

import dev.authwatch.cluster.RedisConnectionDirectory.Change;
import dev.authwatch.cluster.RedisConnectionDirectory.UserEntry;
import dev.authwatch.websocket.ChatConnection;
import dev.authwatch.websocket.ConnectionRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.scheduling.TaskScheduler;

/**
 * Keeps this instance's part of the connection directory up to date, off the handshake
 * path: every {@code authwatch.cluster.directory-interval} it compares the registry with
 * what it last wrote and sends the difference in pipelined round trips. A handshake never
 * waits for Redis here; the directory is at most one interval behind. Every few rounds it
 * also removes the entries of instances that stopped announcing. On a clean stop it
 * removes its own.
 */
public final class DirectorySync implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DirectorySync.class);

	private static final int SWEEP_EVERY = 5;

	private final ConnectionRegistry registry;

	private final RedisConnectionDirectory directory;

	private final Membership membership;

	private final String self;

	private final TaskScheduler scheduler;

	private final Duration interval;

	/** Only the scheduler's one thread reads and writes these. */
	private final Map<String, UserEntry> written = new HashMap<>();

	private long rounds;

	private boolean failing;

	private volatile @Nullable ScheduledFuture<?> syncing;

	public DirectorySync(ConnectionRegistry registry, RedisConnectionDirectory directory, Membership membership,
			String self, TaskScheduler scheduler, Duration interval) {
		this.registry = registry;
		this.directory = directory;
		this.membership = membership;
		this.self = self;
		this.scheduler = scheduler;
		this.interval = interval;
	}

	void sync() {
		List<Change> changes = new ArrayList<>();
		Set<String> live = new HashSet<>();
		for (ChatConnection connection : this.registry.connections()) {
			live.add(connection.id());
			DirectoryEntry entry = entryOf(connection);
			UserEntry before = this.written.get(connection.id());
			if (before == null || !before.entry().equals(entry)) {
				changes.add(new Change(connection.id(), UserEntry.of(connection.principal().userId(), entry), false));
			}
		}
		this.written.forEach((id, entry) -> {
			if (!live.contains(id)) {
				changes.add(new Change(id, entry, true));
			}
		});
		try {
			// Only what reached Redis counts as written: after a failure the next round
			// sends the rest, not everything again.
			this.directory.update(changes, (done) -> done.forEach(this::remember));
			if (++this.rounds % SWEEP_EVERY == 0) {
				Set<String> liveInstances = this.membership.instances()
					.stream()
					.map(InstanceStatus::id)
					.collect(Collectors.toSet());
				liveInstances.add(this.self);
				this.directory.sweep(liveInstances);
			}
			recovered();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	private void remember(Change change) {
		if (change.removed()) {
			this.written.remove(change.connectionId());
		}
		else {
			this.written.put(change.connectionId(), change.entry());
		}
	}

	private DirectoryEntry entryOf(ChatConnection connection) {
		return new DirectoryEntry(this.self, connection.id(), connection.principal().method().code(),
				connection.principal().roles(), connection.connectedAt(), connection.credentialExpiresAt(),
				connection.heartbeat().lastPongAt(), connection.remoteAddress());
	}

	private void recovered() {
		if (this.failing) {
			this.failing = false;
			logger.info("The connection directory is written again");
		}
	}

	private void failed(RuntimeException ex) {
		if (!this.failing) {
			this.failing = true;
			logger.warn("Could not update the connection directory (retrying every {}): {}", this.interval,
					reasonOf(ex));
		}
	}

	/** A pipeline's exception says only that some command failed; its cause says why. */
	private static @Nullable String reasonOf(RuntimeException ex) {
		Throwable cause = ex.getCause();
		return (ex instanceof RedisPipelineException && cause != null) ? ex.getMessage() + ": " + cause
				: ex.getMessage();
	}

	@Override
	public void start() {
		this.syncing = this.scheduler.scheduleWithFixedDelay(this::sync, this.interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.syncing;
		this.syncing = null;
		if (task != null) {
			task.cancel(false);
		}
		try {
			this.directory.forget(this.self);
		}
		catch (RuntimeException ex) {
			logger.info("Could not remove this instance's directory entries; a survivor sweeps them: {}",
					ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.syncing != null;
	}

}
