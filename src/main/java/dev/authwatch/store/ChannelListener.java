package dev.authwatch.store;

import org.springframework.data.redis.connection.MessageListener;

/**
 * A feature's subscription to one Redis pub/sub channel. Every such bean is served by the
 * one ordered subscription of {@link RedisStoreConfiguration}.
 */
public record ChannelListener(String channel, MessageListener listener) {
}
