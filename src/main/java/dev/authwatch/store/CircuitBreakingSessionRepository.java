package dev.authwatch.store;

import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.auth.session.SessionStoreOutage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Guards the Redis session repository with the shared {@code redis} breaker: a Redis
 * outage makes a session lookup fail fast instead of waiting for a timeout.
 */
final class CircuitBreakingSessionRepository<S extends Session> implements SessionRepository<S> {

	private static final Logger logger = LoggerFactory.getLogger(CircuitBreakingSessionRepository.class);

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

	/**
	 * A failed lookup is "no session" plus a {@link SessionStoreOutage} mark on the
	 * request. A stored session that is not the JSON this version writes (Java-serialized
	 * by an older version, or planted) is no session either: its owner logs in again.
	 */
	@Override
	public @Nullable S findById(String id) {
		try {
			return this.calls.call("find session", () -> readable(id));
		}
		catch (StoreUnavailableException ex) {
			SessionStoreOutage.markCurrentRequest();
			return null;
		}
	}

	private @Nullable S readable(String id) {
		try {
			return this.delegate.findById(id);
		}
		catch (SerializationException ex) {
			logger.warn("A stored login session is not readable JSON; treating it as no session");
			return null;
		}
	}

	@Override
	public void deleteById(String id) {
		this.calls.run("delete session", () -> this.delegate.deleteById(id));
	}

}
