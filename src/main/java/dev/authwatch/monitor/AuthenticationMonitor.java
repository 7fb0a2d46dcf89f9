package dev.authwatch.monitor;

import java.time.Clock;
import java.time.Duration;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthAttemptListener;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.crypto.UserKeys;

/**
 * Records every decision of the authentication chain in a sliding window and reports the
 * window's figures. Recording is lock-free and allocation-free (see
 * {@link AttemptWindow}); user ids are kept only as keyed hashes (see {@link UserKeys}),
 * and only where drift detection needs them.
 */
public final class AuthenticationMonitor implements AuthAttemptListener {

	private final Clock clock;

	private final Duration window;

	private final AttemptWindow attempts;

	private final UserKeys userKeys;

	AuthenticationMonitor(Clock clock, Duration window, int maxSamples) {
		this(clock, window, maxSamples, new UserKeys());
	}

	AuthenticationMonitor(Clock clock, Duration window, int maxSamples, UserKeys userKeys) {
		this.clock = clock;
		this.window = window;
		this.attempts = new AttemptWindow(maxSamples);
		this.userKeys = userKeys;
	}

	@Override
	public void onAttempt(AuthAttempt attempt) {
		FailureReason failure = attempt.failure();
		int method = (attempt.method() != null) ? attempt.method().ordinal() : -1;
		int reason = (failure != null) ? failure.ordinal() : -1;
		this.attempts.record(this.clock.millis(), AttemptWindow.outcome(method, reason), attempt.durationNanos(),
				userKey(attempt));
	}

	/**
	 * Only signature failures need a user: "many distinct users" is what marks
	 * configuration drift. The subject such a token claims is unverified; it is hashed at
	 * once and never kept.
	 */
	private long userKey(AuthAttempt attempt) {
		FailureReason failure = attempt.failure();
		if (failure != FailureReason.INVALID_SIGNATURE && failure != FailureReason.UNKNOWN_KEY) {
			return UserKeys.NONE;
		}
		String subject = attempt.claimedSubject();
		return (subject != null) ? this.userKeys.of(subject) : UserKeys.NONE;
	}

	public WindowSnapshot snapshot() {
		SnapshotCollector collector = new SnapshotCollector(this.attempts.capacity());
		this.attempts.forEachAfter(this.clock.millis() - this.window.toMillis(), collector);
		return collector.snapshot(this.window);
	}

}
