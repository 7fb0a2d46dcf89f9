package dev.authwatch.store;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One Redis subscription for every channel AuthWatch listens to (revocations, room messages),
 * started without making startup depend on Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
class RedisPubSubConfiguration {

	@Bean
	RedisMessageListenerContainer redisListeners(RedisConnectionFactory connections, ObjectProvider<ChannelListener> listeners,
			@Qualifier("pubSubDelivery") ThreadPoolTaskExecutor delivery) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setTaskExecutor(delivery);
		listeners.orderedStream()
			.forEach((listener) -> container.addMessageListener(listener.listener(), new ChannelTopic(listener.channel())));
		container.setAutoStartup(false);
		return container;
	}

	/**
	 * A single thread, so that messages are handled in the order Redis delivers them (a room's
	 * messages in offset order). When it falls behind by a full queue, the subscription thread
	 * handles messages itself: Redis then buffers for this subscriber instead of this JVM.
	 */
	@Bean(defaultCandidate = false)
	ThreadPoolTaskExecutor pubSubDelivery() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(100_000);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		executor.setThreadNamePrefix("redis-pubsub-");
		return executor;
	}

	@Bean
	RedisSubscription redisSubscription(RedisMessageListenerContainer redisListeners,
			@Qualifier("connectionScheduler") ThreadPoolTaskScheduler connectionScheduler) {
		return new RedisSubscription(redisListeners, connectionScheduler);
	}

}
