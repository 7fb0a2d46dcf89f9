package dev.authwatch.store;

import java.util.function.Supplier;

import dev.authwatch.auth.StoreUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.dao.DataAccessException;

/**
 * Runs one Redis call through the shared {@code redis} circuit breaker. A Redis failure
 * becomes a {@link StoreUnavailableException} before the breaker sees it (the breaker
 * records only that type), and an open breaker fails at once with the same exception.
 */
final class RedisCalls {

	private final CircuitBreaker breaker;

	RedisCalls(CircuitBreaker breaker) {
		this.breaker = breaker;
	}

	<T> T call(String what, Supplier<T> call) {
		try {
			return this.breaker.executeSupplier(() -> {
				try {
					return call.get();
				}
				catch (DataAccessException ex) {
					throw new StoreUnavailableException("Redis did not answer: " + what, ex);
				}
			});
		}
		catch (CallNotPermittedException ex) {
			throw new StoreUnavailableException("The store's circuit breaker is open", ex);
		}
	}

	void run(String what, Runnable call) {
		call(what, () -> {
			call.run();
			return null;
		});
	}

}
