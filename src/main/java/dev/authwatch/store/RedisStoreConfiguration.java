package dev.authwatch.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.authwatch.admin.audit.AuditConfiguration.AuditProperties;
import dev.authwatch.admin.audit.AuditLog;
import dev.authwatch.admin.audit.RedisAuditLog;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.auth.session.LoginSessionProperties;
import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.cluster.ClusterProperties;
import dev.authwatch.cluster.DirectorySync;
import dev.authwatch.cluster.LocalInstance;
import dev.authwatch.cluster.RedisConnectionDirectory;
import dev.authwatch.cluster.RedisEventRelay;
import dev.authwatch.cluster.RedisMembership;
import dev.authwatch.cluster.RedisRoomFanout;
import dev.authwatch.config.AuthWatchProperties;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.jwthealth.InstanceIdentity;
import dev.authwatch.jwthealth.KeyStateStore;
import dev.authwatch.jwthealth.RedisFingerprintBoard;
import dev.authwatch.jwthealth.RedisKeyStateStore;
import dev.authwatch.metrics.DeliveryMetrics;
import dev.authwatch.token.RefreshFamilyStore;
import dev.authwatch.token.ResetTokenStore;
import dev.authwatch.websocket.AdmissionRecheck;
import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.ConnectionRegistry;
import dev.authwatch.websocket.DeliveryProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * {@code authwatch.store=redis}: every piece of shared state in one Redis (the usual
 * {@code spring.data.redis.*} settings), every credential store behind the {@code redis}
 * circuit breaker, and every instance on that Redis one cluster.
 * {@link MemoryStoreConfiguration} is the other backend; nothing else looks at
 * {@code authwatch.store}. One class on purpose: it is the whole list of what Redis
 * holds, and the only place that depends on every feature's Redis class.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AuthWatchProperties.STORE, havingValue = "redis")
class RedisStoreConfiguration {

	/**
	 * The resilience4j instance guarding every Redis call; configured under
	 * {@code resilience4j.circuitbreaker.instances.redis}.
	 */
	static final String REDIS_BREAKER = "redis";

	@Bean
	RedisCredentialsCheck redisCredentialsCheck(RedisConnectionFactory connections) {
		return new RedisCredentialsCheck(connections);
	}

	@Bean
	RedisBreakerLog redisBreakerLog(CircuitBreakerRegistry breakers) {
		return new RedisBreakerLog(breakers.circuitBreaker(REDIS_BREAKER));
	}

	// Credentials

	@Bean
	TicketStore ticketStore(StringRedisTemplate redis, JsonMapper json, CircuitBreakerRegistry breakers) {
		return new CircuitBreakingTicketStore(new RedisTicketStore(redis, json),
				breakers.circuitBreaker(REDIS_BREAKER));
	}

	@Bean
	RefreshFamilyStore refreshFamilyStore(StringRedisTemplate redis, CircuitBreakerRegistry breakers,
			LocalUserRevocations localUserRevocations) {
		return new RedisRefreshFamilyStore(redis, redisCalls(breakers), localUserRevocations);
	}

	@Bean
	ResetTokenStore resetTokenStore(StringRedisTemplate redis, CircuitBreakerRegistry breakers) {
		return new RedisResetTokenStore(redis, redisCalls(breakers));
	}

	/**
	 * How login sessions are written to Redis: plain JSON values (the session holds only
	 * strings and numbers, see {@code SessionAttributes}), read back as JSON strings,
	 * numbers, arrays and objects only. No type information is written or honoured, so
	 * nothing in Redis can make the service instantiate a class of its choosing (unlike
	 * Java serialization, Spring Session's default, or Jackson's polymorphic default
	 * typing).
	 */
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer() {
		return new JacksonJsonRedisSerializer<>(Object.class);
	}

	/**
	 * Spring Session's {@code RedisSessionRepository} under {@code authwatch:session:},
	 * values as JSON ({@link #springSessionDefaultRedisSerializer()}), behind the
	 * breaker. Defining the repository here makes Boot's own Redis session configuration
	 * back off.
	 */
	@Bean
	SessionRepository<? extends Session> sessionRepository(LoginSessionProperties sessions,
			RedisConnectionFactory redis, RedisSerializer<Object> springSessionDefaultRedisSerializer,
			CircuitBreakerRegistry breakers) {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setConnectionFactory(redis);
		template.setKeySerializer(RedisSerializer.string());
		template.setHashKeySerializer(RedisSerializer.string());
		template.setDefaultSerializer(springSessionDefaultRedisSerializer);
		template.afterPropertiesSet();
		RedisSessionRepository repository = new RedisSessionRepository(template);
		repository.setRedisKeyNamespace("authwatch:session");
		repository.setDefaultMaxInactiveInterval(sessions.timeout());
		return new CircuitBreakingSessionRepository<>(repository, redisCalls(breakers));
	}

	// Revocations

	@Bean
	RedisRevocations revocationBus(StringRedisTemplate redis) {
		return new RedisRevocations(redis);
	}

	/**
	 * The check after registration is a Redis round trip per batch of new connections,
	 * done by a thread of its own off the handshake (the recheck runs one batch at a time
	 * and bounds what waits).
	 */
	@Bean(defaultCandidate = false)
	Executor admissionRecheckExecutor() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), (task) -> {
			Thread thread = new Thread(task, "ws-admission-recheck");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	ChannelListener revocationListener(ConnectionRegistry registry, LocalUserRevocations known,
			AdmissionRecheck recheck) {
		return new ChannelListener(RedisRevocations.CHANNEL, new RevocationListener(registry, known, recheck));
	}

	// The cluster

	@Bean
	RedisMembership membership(StringRedisTemplate redis, JsonMapper json, ClusterProperties properties) {
		return new RedisMembership(redis, json, properties.grace());
	}

	@Bean
	RedisConnectionDirectory connectionDirectory(StringRedisTemplate redis, JsonMapper json, RedisMembership membership,
			LocalInstance self) {
		return new RedisConnectionDirectory(redis, json, membership, self.id());
	}

	@Bean
	DirectorySync directorySync(ConnectionRegistry registry, RedisConnectionDirectory directory,
			RedisMembership membership, LocalInstance self, ClusterProperties properties,
			@Qualifier("clusterScheduler") ThreadPoolTaskScheduler clusterScheduler) {
		return new DirectorySync(registry, directory, membership, self.id(), clusterScheduler,
				properties.directoryInterval());
	}

	@Bean
	RedisRoomFanout roomFanout(StringRedisTemplate redis, ChatRooms rooms, DeliveryProperties properties,
			DeliveryMetrics metrics) {
		return new RedisRoomFanout(redis, rooms, properties, metrics);
	}

	@Bean
	ChannelListener roomListener(RedisRoomFanout fanout) {
		return new ChannelListener(RedisRoomFanout.CHANNEL, fanout);
	}

	@Bean
	RedisEventRelay clusterEvents(AuthEventLog log, StringRedisTemplate redis, JsonMapper json, LocalInstance self,
			@Qualifier("clusterScheduler") ThreadPoolTaskScheduler clusterScheduler, MeterRegistry meters) {
		return new RedisEventRelay(log, redis, json, self.id(), clusterScheduler, meters);
	}

	@Bean
	ChannelListener eventListener(RedisEventRelay events) {
		return new ChannelListener(RedisEventRelay.CHANNEL, events);
	}

	// Admin audit and JWT health

	@Bean
	AuditLog auditLog(StringRedisTemplate redis, AuditProperties properties) {
		return new RedisAuditLog(redis, properties.capacity());
	}

	@Bean
	KeyStateStore keyStateStore(StringRedisTemplate redis, InstanceIdentity identity) {
		return new RedisKeyStateStore(redis, identity);
	}

	@Bean
	RedisFingerprintBoard fingerprintBoard(StringRedisTemplate redis, JsonMapper json, InstanceIdentity identity,
			JwtProperties properties) {
		return new RedisFingerprintBoard(redis, json, identity, properties.checkInterval());
	}

	// One subscription for every channel

	/**
	 * Reconnects within a second of Redis coming back. Lettuce's default doubles its
	 * delay up to 30 s: after a 5 s outage the subscription was back 4 s after Redis
	 * (docs/benchmarks.md, the soak), and until then this instance missed revocations and
	 * room messages (caught up from the store afterwards).
	 */
	@Bean
	ClientResourcesBuilderCustomizer reconnectWithinASecond() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
	}

	@Bean
	RedisMessageListenerContainer redisListeners(RedisConnectionFactory connections,
			ObjectProvider<ChannelListener> listeners, @Qualifier("pubSubDelivery") ThreadPoolTaskExecutor delivery) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setTaskExecutor(delivery);
		listeners.orderedStream()
			.forEach((listener) -> container.addMessageListener(listener.listener(),
					new ChannelTopic(listener.channel())));
		container.setAutoStartup(false);
		return container;
	}

	/**
	 * A single thread, so that messages are handled in the order Redis delivers them (a
	 * room's messages in offset order). When it falls behind by a full queue, the
	 * subscription thread handles messages itself: Redis then buffers for this subscriber
	 * instead of this JVM.
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

	private static RedisCalls redisCalls(CircuitBreakerRegistry breakers) {
		return new RedisCalls(breakers.circuitBreaker(REDIS_BREAKER));
	}

}
