package dev.authwatch.websocket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.jwt.Admission;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a connection's credential against the store once more after the connection
 * became reachable by revocations (registered, or reauthenticated with a new credential).
 * A revocation writes the store and then closes the registered connections; a connection
 * is registered and then checked here; so a credential revoked while its handshake was in
 * flight is either seen here or its connection is seen by the revocation, and is closed
 * with 4003 either way.
 * <p>
 * The checks run after the upgrade, on the executor: with Redis each round trip must not
 * lengthen a handshake. One drain at a time takes every check waiting, in one round trip
 * per {@link #BATCH} of them, so under a stream of handshakes the checks cost a round
 * trip per batch, not per connection. Past {@link #MAX_WAITING} waiting checks the
 * caller's thread checks its own connection rather than not at all. If the store cannot
 * answer, the connection stays (the store could not have recorded a revocation either).
 * <p>
 * Every open connection is checked the same way when this instance may have missed
 * revocations told over Redis (its subscription was down).
 */
public final class AdmissionRecheck {

	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(AdmissionRecheck.class);

	static final int MAX_WAITING = 10_000;

	private final Admission admission;

	private final Executor executor;

	private final Queue<Check> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger waitingCount = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	AdmissionRecheck(Admission admission, Executor executor) {
		this.admission = admission;
		this.executor = executor;
	}

	void check(ChatConnection connection) {
		Check check = new Check(connection, connection.principal());
		if (this.waitingCount.incrementAndGet() > MAX_WAITING) {
			this.waitingCount.decrementAndGet();
			closeIfRevoked(List.of(check));
			return;
		}
		this.waiting.add(check);
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				drain();
			}
		}
	}

	/**
	 * Checks each of {@code connections} again, in batches on the executor, or on the
	 * caller's thread when the executor has no room.
	 */
	public void checkAll(Collection<ChatConnection> connections) {
		List<Check> checks = connections.stream()
			.map((connection) -> new Check(connection, connection.principal()))
			.toList();
		try {
			this.executor.execute(() -> closeIfRevoked(checks));
		}
		catch (RejectedExecutionException ex) {
			closeIfRevoked(checks);
		}
	}

	/**
	 * Runs until nothing waits; a check added while the drain was ending is seen by the
	 * drain's last look or starts the next one.
	 */
	private void drain() {
		do {
			List<Check> batch = new ArrayList<>();
			for (Check check = this.waiting.poll(); check != null; check = this.waiting.poll()) {
				this.waitingCount.decrementAndGet();
				batch.add(check);
			}
			closeIfRevoked(batch);
			this.draining.set(false);
		}
		while (!this.waiting.isEmpty() && this.draining.compareAndSet(false, true));
	}

	/** One store round trip per {@link #BATCH} checks. */
	private void closeIfRevoked(List<Check> checks) {
		for (int from = 0; from < checks.size(); from += BATCH) {
			closeIfRevokedInOneRoundTrip(checks.subList(from, Math.min(from + BATCH, checks.size())));
		}
	}

	private void closeIfRevokedInOneRoundTrip(List<Check> checks) {
		List<AuthDecision.@Nullable Rejected> answers;
		try {
			answers = this.admission.recheck(checks.stream().map(Check::principal).toList());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check {} connection(s) against the store again: {}", checks.size(), ex.toString());
			return;
		}
		for (int i = 0; i < checks.size(); i++) {
			AuthDecision.Rejected rejected = answers.get(i);
			if (rejected != null && rejected.reason() == FailureReason.REVOKED) {
				checks.get(i).connection().close(ConnectionRegistry.REVOKED, DisconnectReason.REVOKED);
			}
		}
	}

	/**
	 * The principal as it was when the check was asked for; a reauthentication replaces
	 * it.
	 */
	private record Check(ChatConnection connection, AuthenticatedPrincipal principal) {
	}

}
