package dev.authwatch.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.hotpath.HotPathCaches;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Token buckets (Bucket4j) per scope and key, held in a bounded Caffeine cache so that a
 * flood of distinct IPs or usernames cannot grow memory without end. Keys stay in memory
 * only: never logged, never metric labels.
 */
public final class RateLimit {

	/** What is limited, and by what key. */
	public enum Scope {

		LOGIN_IP, LOGIN_ACCOUNT, LOGIN_ACCOUNT_CLIENT, GUEST_IP, REFRESH_IP, TICKET_IP, TICKET_ACCOUNT, RESET_IP,
		RESET_ACCOUNT, HANDSHAKE_IP, HANDSHAKE_ACCOUNT

	}

	private record Key(Scope scope, String value) {
	}

	private final RateLimitProperties properties;

	private final Cache<Key, Bucket> buckets;

	RateLimit(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = HotPathCaches.newBuilder()
			.maximumSize(properties.maxTrackedKeys())
			.expireAfterAccess(properties.period().multipliedBy(2))
			.build();
	}

	/**
	 * Whether one more attempt is allowed now; always {@code true} when limits are
	 * disabled.
	 */
	public boolean tryAcquire(Scope scope, String key) {
		return !this.properties.enabled() || bucket(scope, key).tryConsume(1);
	}

	/**
	 * For REST endpoints: throws 429 {@code rate_limited} with {@code Retry-After}
	 * (answered and counted by the error handler).
	 */
	public void check(Scope scope, String key) {
		ConsumptionProbe probe = consume(scope, key);
		if (!probe.isConsumed()) {
			throw refused(probe);
		}
	}

	static AuthRejectedException refused(ConsumptionProbe probe) {
		return new AuthRejectedException(FailureReason.RATE_LIMITED, FailureReason.RATE_LIMITED.defaultMessage(),
				Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Gives back an attempt spent by {@link #consume}, e.g. when it turned out to be a
	 * successful login.
	 */
	void refund(Scope scope, String key) {
		if (this.properties.enabled()) {
			bucket(scope, key).addTokens(1);
		}
	}

	ConsumptionProbe consume(Scope scope, String key) {
		if (!this.properties.enabled()) {
			return ConsumptionProbe.consumed(Long.MAX_VALUE, 0);
		}
		return bucket(scope, key).tryConsumeAndReturnRemaining(1);
	}

	private Bucket bucket(Scope scope, String key) {
		return this.buckets.get(new Key(scope, key), this::newBucket);
	}

	/**
	 * The per-client check of a REST call: the servlet's remote address, IPv6 by its /64
	 * ({@link ClientKeys}).
	 */
	public void checkClient(Scope scope, HttpServletRequest request) {
		check(scope, ClientKeys.of(request.getRemoteAddr()));
	}

	private Bucket newBucket(Key key) {
		int capacity = this.properties.limit(key.scope());
		Duration period = this.properties.period();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

}
