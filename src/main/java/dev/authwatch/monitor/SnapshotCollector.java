package dev.authwatch.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.FailureReason;

/**
 * Folds the attempts of an {@link AttemptWindow} into a {@link WindowSnapshot}. Used once
 * per snapshot, on the caller's thread: it may allocate, the recording path does not.
 */
final class SnapshotCollector implements AttemptWindow.Visitor {

	static final int TOP_REASONS = 5;

	private static final AuthMethod[] METHODS = AuthMethod.values();

	private static final FailureReason[] REASONS = FailureReason.values();

	private final long[] latencies;

	private int attempts;

	private long successes;

	private long systemFailures;

	private long latencySum;

	private final long[] reasonCounts = new long[REASONS.length];

	private final long[] methodAttempts = new long[METHODS.length];

	private final long[] methodSuccesses = new long[METHODS.length];

	private final long[] methodLatencySums = new long[METHODS.length];

	private long signatureFailures;

	private final Set<Long> signatureFailureUsers = new HashSet<>();

	SnapshotCollector(int capacity) {
		this.latencies = new long[capacity];
	}

	@Override
	public void visit(int methodOrdinal, int failureOrdinal, long durationNanos, long userKey) {
		if (this.attempts == this.latencies.length) {
			return;
		}
		this.latencies[this.attempts++] = durationNanos;
		this.latencySum += durationNanos;
		if (methodOrdinal >= 0 && methodOrdinal < METHODS.length) {
			this.methodAttempts[methodOrdinal]++;
			this.methodLatencySums[methodOrdinal] += durationNanos;
			if (failureOrdinal < 0) {
				this.methodSuccesses[methodOrdinal]++;
			}
		}
		if (failureOrdinal < 0) {
			this.successes++;
			return;
		}
		FailureReason reason = REASONS[failureOrdinal];
		this.reasonCounts[failureOrdinal]++;
		if (reason.isSystemFailure()) {
			this.systemFailures++;
		}
		if (reason == FailureReason.INVALID_SIGNATURE || reason == FailureReason.UNKNOWN_KEY) {
			this.signatureFailures++;
			if (userKey != 0) {
				this.signatureFailureUsers.add(userKey);
			}
		}
	}

	WindowSnapshot snapshot(Duration window) {
		if (this.attempts == 0) {
			return WindowSnapshot.empty(window);
		}
		long[] sorted = Arrays.copyOf(this.latencies, this.attempts);
		Arrays.sort(sorted);
		long failures = this.attempts - this.successes;
		return new WindowSnapshot(window, this.attempts, this.successes, this.systemFailures,
				failures - this.systemFailures, Duration.ofNanos(this.latencySum / this.attempts),
				Duration.ofNanos(percentile(sorted, 95)), Duration.ofNanos(percentile(sorted, 99)), topReasons(),
				methods(), this.signatureFailures, this.signatureFailureUsers.size());
	}

	/** Nearest-rank percentile of a sorted, non-empty array. */
	static long percentile(long[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	private List<WindowSnapshot.ReasonCount> topReasons() {
		List<WindowSnapshot.ReasonCount> counts = new ArrayList<>();
		for (FailureReason reason : REASONS) {
			if (this.reasonCounts[reason.ordinal()] > 0) {
				counts.add(new WindowSnapshot.ReasonCount(reason, this.reasonCounts[reason.ordinal()]));
			}
		}
		counts.sort(Comparator.comparingLong(WindowSnapshot.ReasonCount::count).reversed());
		return counts.subList(0, Math.min(TOP_REASONS, counts.size()));
	}

	private Map<AuthMethod, WindowSnapshot.MethodFigures> methods() {
		Map<AuthMethod, WindowSnapshot.MethodFigures> methods = new EnumMap<>(AuthMethod.class);
		for (AuthMethod method : METHODS) {
			long count = this.methodAttempts[method.ordinal()];
			if (count > 0) {
				methods.put(method, new WindowSnapshot.MethodFigures(count, this.methodSuccesses[method.ordinal()],
						Duration.ofNanos(this.methodLatencySums[method.ordinal()] / count)));
			}
		}
		return methods;
	}

}
