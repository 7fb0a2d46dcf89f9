package dev.authwatch.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * Per-user revocations held in this JVM, each until the credentials it voids have
 * expired: the memory store's own, and the Redis store's copy of those made on or heard
 * of by this instance. Only admins, password resets and user-store changes write here, so
 * the bound is not an attacker's lever.
 */
final class LocalUserRevocations {

	private record Revocation(Instant before, Instant keepUntil) {
	}

	private final Cache<String, Revocation> revocations;

	LocalUserRevocations(long maximumUsers, Clock clock) {
		this.revocations = Caffeine.newBuilder()
			.maximumSize(maximumUsers)
			.expireAfter(Expiry.<String, Revocation>writing((user, revocation) -> {
				Duration left = Duration.between(clock.instant(), revocation.keepUntil());
				return left.isNegative() ? Duration.ZERO : left;
			}))
			.build();
	}

	/** Records the revocation; a later instant wins over an earlier one. */
	void remember(String userId, Instant before, Duration retention) {
		this.revocations.asMap()
			.merge(userId, new Revocation(before, before.plus(retention)),
					(previous, next) -> previous.before().isAfter(next.before()) ? previous : next);
	}

	@Nullable Instant before(String userId) {
		Revocation revocation = this.revocations.getIfPresent(userId);
		return (revocation != null) ? revocation.before() : null;
	}

}
