package dev.authwatch.store;

import dev.authwatch.websocket.RevocationBus;
import dev.authwatch.websocket.RevocationBus.Revocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Revocations over Redis pub/sub: every instance subscribes to one channel and closes its own
 * matching connections. A message is {@code USER:<id>} or {@code FAMILY:<id>}; ids are opaque.
 */
final class RedisRevocations implements RevocationBus {

	static final String CHANNEL = "authwatch:revocations";

	private static final Logger logger = LoggerFactory.getLogger(RedisRevocations.class);

	private final StringRedisTemplate redis;

	RedisRevocations(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public void publish(Revocation revocation) {
		try {
			this.redis.convertAndSend(CHANNEL, revocation.kind().name() + ":" + revocation.id());
		}
		catch (DataAccessException ex) {
			// The store already refuses the revoked credentials everywhere; only other instances'
			// open sockets stay until their credential expires.
			logger.warn("Could not tell other instances about a revocation ({}): {}", revocation.kind(), ex.getMessage());
		}
	}

	static @Nullable Revocation parse(String message) {
		int colon = message.indexOf(':');
		if (colon < 0) {
			return null;
		}
		try {
			return new Revocation(Revocation.Kind.valueOf(message.substring(0, colon)), message.substring(colon + 1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
