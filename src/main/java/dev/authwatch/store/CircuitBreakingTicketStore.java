package dev.authwatch.store;

import java.time.Duration;
import java.util.Optional;

import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.auth.ticket.TicketGrant;
import dev.authwatch.auth.ticket.TicketStore;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Guards a remote ticket store with a circuit breaker: once the store keeps failing,
 * calls fail at once with {@link StoreUnavailableException} instead of each waiting for a
 * timeout, and the breaker probes the store again on its own until it recovers.
 */
final class CircuitBreakingTicketStore implements TicketStore {

	private final TicketStore delegate;

	private final CircuitBreaker breaker;

	CircuitBreakingTicketStore(TicketStore delegate, CircuitBreaker breaker) {
		this.delegate = delegate;
		this.breaker = breaker;
	}

	@Override
	public void save(String ticketHash, TicketGrant grant, Duration ttl) {
		try {
			this.breaker.executeRunnable(() -> this.delegate.save(ticketHash, grant, ttl));
		}
		catch (CallNotPermittedException ex) {
			throw new StoreUnavailableException("The store's circuit breaker is open", ex);
		}
	}

	@Override
	public Optional<TicketGrant> take(String ticketHash) {
		try {
			return this.breaker.executeSupplier(() -> this.delegate.take(ticketHash));
		}
		catch (CallNotPermittedException ex) {
			throw new StoreUnavailableException("The store's circuit breaker is open", ex);
		}
	}

}
