package dev.authwatch.jwthealth;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Key state shared by every instance of a service in an environment: {@code GETSET} on
 * the current key id, so that of instances restarting together with a new secret exactly
 * one counts the rotation; the timeline is a capped list.
 */
public final class RedisKeyStateStore implements KeyStateStore {

	static final String KEY_PREFIX = "authwatch:jwt:keystate:";

	static final int TIMELINE_LENGTH = 50;

	private final StringRedisTemplate redis;

	private final String prefix;

	public RedisKeyStateStore(StringRedisTemplate redis, InstanceIdentity identity) {
		this.redis = redis;
		this.prefix = KEY_PREFIX + (identity.environment().isEmpty() ? "-" : identity.environment()) + ":"
				+ identity.service() + ":";
	}

	@Override
	public Optional<String> swapCurrentKeyId(String keyId) {
		return Optional.ofNullable(this.redis.opsForValue().getAndSet(this.prefix + "current", keyId));
	}

	@Override
	public void recordRotation(@Nullable String fromKeyId, String toKeyId, Instant at) {
		this.redis.opsForValue().set(this.prefix + "last-rotation", at.toString());
		this.redis.opsForList().leftPush(this.prefix + "rotations", at + " " + fromKeyId + " -> " + toKeyId);
		this.redis.opsForList().trim(this.prefix + "rotations", 0, TIMELINE_LENGTH - 1);
	}

	@Override
	public Optional<Instant> lastRotation() {
		String value = this.redis.opsForValue().get(this.prefix + "last-rotation");
		return Optional.ofNullable(value).map(Instant::parse);
	}

}
