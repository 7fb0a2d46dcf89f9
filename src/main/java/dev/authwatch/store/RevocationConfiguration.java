package dev.authwatch.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.authwatch.websocket.ConnectionRegistry;
import dev.authwatch.websocket.RevocationBus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * How revocations reach the other instances (not at all in memory, over Redis pub/sub with Redis),
 * and where a new connection's credential is checked against the store once more.
 */
@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

	/** How long a user revocation heard of from another instance is kept here. */
	private static final Duration HEARD_OF_RETENTION = Duration.ofDays(1);

	@Bean
	RevocationBus revocationBus(StoreProperties properties, ObjectProvider<StringRedisTemplate> redis) {
		return switch (properties.store()) {
			case MEMORY -> RevocationBus.LOCAL;
			case REDIS -> new RedisRevocations(redis.getObject());
		};
	}

	/**
	 * In memory the check is a map lookup, done on the connection's thread. With Redis it is a round
	 * trip, done by two threads of its own off the handshake (a bounded queue; past it, the
	 * connection's thread checks).
	 */
	@Bean(defaultCandidate = false)
	Executor admissionRecheckExecutor(StoreProperties properties) {
		return switch (properties.store()) {
			case MEMORY -> Runnable::run;
			case REDIS -> new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), (task) -> {
				Thread thread = new Thread(task, "ws-admission-recheck");
				thread.setDaemon(true);
				return thread;
			});
		};
	}

	@Bean
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
	ChannelListener revocationListener(ConnectionRegistry registry, LocalUserRevocations known) {
		return new ChannelListener(RedisRevocations.CHANNEL, (message, pattern) -> {
			RevocationBus.Revocation revocation = RedisRevocations.parse(new String(message.getBody(), StandardCharsets.UTF_8));
			if (revocation != null) {
				if (revocation.before() != null) {
					// Only lets this instance refuse such a credential at the handshake; the check after registration asks Redis.
					known.remember(revocation.id(), revocation.before(), HEARD_OF_RETENTION);
				}
				registry.revokeLocally(revocation);
			}
		});
	}

}
