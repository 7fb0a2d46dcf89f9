package dev.authwatch.events;

import dev.authwatch.auth.AuthAttempt;
import dev.authwatch.auth.AuthAttemptListener;
import dev.authwatch.auth.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per rejected handshake, with its taxonomy reason and never its credential:
 * system failures at WARN, client rejections at DEBUG (a flood of bad tokens must not
 * turn into a flood of blocking log writes on container threads; the counters and events
 * carry them). Logger {@code dev.authwatch.auth.attempts}.
 */
final class AuthAttemptLog implements AuthAttemptListener {

	private static final Logger logger = LoggerFactory.getLogger("dev.authwatch.auth.attempts");

	@Override
	public void onAttempt(AuthAttempt attempt) {
		FailureReason failure = attempt.failure();
		if (failure == null) {
			return;
		}
		String method = (attempt.method() != null) ? attempt.method().code() : "none";
		if (failure.isSystemFailure()) {
			logger.warn("handshake rejected reason={} method={} status={}", failure.code(), method,
					failure.status().value());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("handshake rejected reason={} method={} status={}", failure.code(), method,
					failure.status().value());
		}
	}

}
