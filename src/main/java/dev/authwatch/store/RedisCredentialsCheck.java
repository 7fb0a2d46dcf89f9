package dev.authwatch.store;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * One {@code PING} at startup with the Redis store. Credentials Redis refuses cannot heal
 * by themselves, so they stop the service with the settings to fix (never their values);
 * an unreachable Redis only warns, as the {@code redis} breaker covers outages.
 */
final class RedisCredentialsCheck implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(RedisCredentialsCheck.class);

	/**
	 * Redis's error codes for a wrong password or user, and for a connection that never
	 * authenticated.
	 */
	private static final List<String> REFUSALS = List.of("WRONGPASS", "NOAUTH");

	private final RedisConnectionFactory connections;

	RedisCredentialsCheck(RedisConnectionFactory connections) {
		this.connections = connections;
	}

	@Override
	public void afterPropertiesSet() {
		try (RedisConnection connection = this.connections.getConnection()) {
			connection.ping();
		}
		catch (RuntimeException ex) {
			String refusal = refusal(ex);
			if (refusal != null) {
				throw new IllegalStateException("Redis refused AuthWatch's credentials (" + refusal
						+ "): set spring.data.redis.password (SPRING_DATA_REDIS_PASSWORD) to the password, and "
						+ "spring.data.redis.username (SPRING_DATA_REDIS_USERNAME) when it belongs to a Redis ACL user "
						+ "(docs/security.md, \"Redis\")");
			}
			logger.warn("Redis did not answer at startup ({}); the redis circuit breaker takes over until it does",
					ex.getClass().getSimpleName());
		}
	}

	static @Nullable String refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null) {
				for (String code : REFUSALS) {
					if (message.startsWith(code)) {
						return code;
					}
				}
			}
		}
		return null;
	}

}
