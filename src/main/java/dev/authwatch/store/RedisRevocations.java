package dev.authwatch.store;

import java.time.Instant;

import dev.authwatch.websocket.RevocationBus;
import dev.authwatch.websocket.RevocationBus.Revocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Revocations over Redis pub/sub: every instance subscribes to one channel and closes its
 * own matching connections. A message is {@code USER:<id>},
 * {@code USER@<epoch millis>:<id>} (the user's credentials issued before that instant are
 * void) or {@code FAMILY:<id>}; ids are opaque.
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
			this.redis.convertAndSend(CHANNEL, format(revocation));
		}
		catch (DataAccessException ex) {
			// The store already refuses the revoked credentials everywhere; only other
			// instances'
			// open sockets stay until their credential expires.
			logger.warn("Could not tell other instances about a revocation ({}): {}", revocation.kind(),
					ex.getMessage());
		}
	}

	static String format(Revocation revocation) {
		String kind = (revocation.before() != null)
				? revocation.kind().name() + "@" + revocation.before().toEpochMilli() : revocation.kind().name();
		return kind + ":" + revocation.id();
	}

	static @Nullable Revocation parse(String message) {
		int colon = message.indexOf(':');
		if (colon < 0) {
			return null;
		}
		String kind = message.substring(0, colon);
		int at = kind.indexOf('@');
		try {
			Instant before = (at < 0) ? null : Instant.ofEpochMilli(Long.parseLong(kind.substring(at + 1)));
			return new Revocation(Revocation.Kind.valueOf((at < 0) ? kind : kind.substring(0, at)),
					message.substring(colon + 1), before);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
