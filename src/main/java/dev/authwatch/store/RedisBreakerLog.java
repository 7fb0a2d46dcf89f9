package dev.authwatch.store;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnErrorEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log why the {@code redis} breaker opened: the health level only says that
 * it did, and the calls it guards (tickets, sessions, refresh families, revocation
 * checks) fail quietly while it is open.
 */
final class RedisBreakerLog {

	private static final Logger logger = LoggerFactory.getLogger(RedisBreakerLog.class);

	private volatile @Nullable CircuitBreakerOnErrorEvent lastError;

	RedisBreakerLog(CircuitBreaker breaker) {
		breaker.getEventPublisher().onError((error) -> this.lastError = error);
		breaker.getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				CircuitBreakerOnErrorEvent error = this.lastError;
				logger.warn("Redis circuit breaker opened ({} % of the last calls failed); the last failure: {}",
						Math.round(breaker.getMetrics().getFailureRate()),
						(error != null) ? describe(error.getThrowable()) : "none recorded");
			}
		});
	}

	private static String describe(Throwable failure) {
		Throwable cause = failure.getCause();
		return failure.getMessage() + ((cause != null) ? " (" + cause.getMessage() + ")" : "");
	}

}
