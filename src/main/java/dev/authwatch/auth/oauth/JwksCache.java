package dev.authwatch.auth.oauth;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import dev.authwatch.metrics.OAuthMetrics;
import dev.authwatch.metrics.OAuthStep;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * The JWK set cache handed to {@code NimbusJwtDecoder.withJwkSetUri(...).cache(...)}.
 * Spring's JWK source calls {@link #invalidate()} whenever a token names a {@code kid}
 * the cached set does not hold, then reloads through {@link #get(Object, Callable)}. Here
 * an invalidation is honoured only once per {@code jwks-refresh-cooldown} after the last
 * fetch, so a flood of bogus {@code kid}s costs at most one fetch per cool-down, while a
 * real key rotation is picked up within one. Every fetch is counted as the {@code jwks}
 * step; successes move the freshness gauge. Holds one JWK set (one URI); the decoder
 * serialises access to it.
 */
final class JwksCache implements Cache {

	private static final Logger logger = LoggerFactory.getLogger(JwksCache.class);

	private final Duration ttl;

	private final Duration cooldown;

	private final OAuthMetrics metrics;

	private final LongSupplier nanoTime;

	private volatile @Nullable Object jwkSet;

	private volatile long fetchedAt;

	JwksCache(Duration ttl, Duration cooldown, OAuthMetrics metrics, LongSupplier nanoTime) {
		this.ttl = ttl;
		this.cooldown = cooldown;
		this.metrics = metrics;
		this.nanoTime = nanoTime;
	}

	@Override
	public String getName() {
		return "oauth-jwks";
	}

	@Override
	public Object getNativeCache() {
		return this;
	}

	@Override
	public @Nullable ValueWrapper get(Object key) {
		Object value = fresh();
		return (value != null) ? new SimpleValueWrapper(value) : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
		Object value = fresh();
		return (type == null || type.isInstance(value)) ? (T) value : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized <T> T get(Object key, Callable<T> valueLoader) {
		Object value = fresh();
		if (value != null) {
			return (T) value;
		}
		try {
			T loaded = valueLoader.call();
			this.metrics.step(OAuthStep.JWKS, true);
			put(key, loaded);
			return loaded;
		}
		catch (Exception ex) {
			this.metrics.step(OAuthStep.JWKS, false);
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
	}

	@Override
	public synchronized void put(Object key, @Nullable Object value) {
		this.jwkSet = value;
		this.fetchedAt = this.nanoTime.getAsLong();
	}

	@Override
	public void evict(Object key) {
		invalidate();
	}

	@Override
	public void clear() {
		invalidate();
	}

	/** Drops the set only when the last fetch is older than the cool-down. */
	@Override
	public synchronized boolean invalidate() {
		if (this.jwkSet == null) {
			return false;
		}
		if (age() < this.cooldown.toNanos()) {
			logger.debug("JWK set refetch for an unknown key id suppressed: last fetch is within the cool-down");
			return false;
		}
		this.jwkSet = null;
		return true;
	}

	private @Nullable Object fresh() {
		Object value = this.jwkSet;
		return (value != null && age() < this.ttl.toNanos()) ? value : null;
	}

	private long age() {
		return this.nanoTime.getAsLong() - this.fetchedAt;
	}

}
