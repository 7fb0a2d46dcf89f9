package dev.authwatch.store;

import java.time.Duration;
import java.util.Optional;

import dev.authwatch.token.ResetTokenStore;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reset tokens in Redis: {@code SET … PX} and one {@code GETDEL}, so a token is used once
 * across instances.
 */
final class RedisResetTokenStore implements ResetTokenStore {

	static final String KEY_PREFIX = "authwatch:reset:";

	private final StringRedisTemplate redis;

	private final RedisCalls calls;

	RedisResetTokenStore(StringRedisTemplate redis, RedisCalls calls) {
		this.redis = redis;
		this.calls = calls;
	}

	@Override
	public void save(String tokenHash, String username, Duration ttl) {
		this.calls.run("save reset token", () -> this.redis.opsForValue().set(KEY_PREFIX + tokenHash, username, ttl));
	}

	@Override
	public Optional<String> take(String tokenHash) {
		return Optional.ofNullable(this.calls.call("take reset token",
				() -> this.redis.opsForValue().getAndDelete(KEY_PREFIX + tokenHash)));
	}

}
