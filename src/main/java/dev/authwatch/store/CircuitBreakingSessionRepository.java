package dev.authwatch.store;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Guards the Redis session repository with the shared {@code redis} breaker: a Redis outage makes
 * a session lookup fail fast instead of waiting for a timeout.
 */
final class CircuitBreakingSessionRepository<S extends Session> implements SessionRepository<S> {

	private final SessionRepository<S> delegate;

	private final RedisCalls calls;

	CircuitBreakingSessionRepository(SessionRepository<S> delegate, RedisCalls calls) {
		this.delegate = delegate;
		this.calls = calls;
	}

	@Override
	public S createSession() {
		return this.delegate.createSession();
	}

	@Override
	public void save(S session) {
		this.calls.run("save session", () -> this.delegate.save(session));
	}

	/** A failed lookup is "no session" plus a {@link SessionStoreOutage} mark on the request. */
	@Override
	public @Nullable S findById(String id) {
		try {
			return this.calls.call("find session", () -> this.delegate.findById(id));
		}
		catch (StoreUnavailableException ex) {
			SessionStoreOutage.markCurrentRequest();
			return null;
		}
	}

	@Override
	public void deleteById(String id) {
		this.calls.run("delete session", () -> this.delegate.deleteById(id));
	}

}
