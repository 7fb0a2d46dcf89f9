package dev.authwatch.store;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authwatch.auth.session.LoginSessionProperties;
import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.token.PasswordResetProperties;
import dev.authwatch.token.RefreshFamilyStore;
import dev.authwatch.token.ResetTokenStore;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/** Chooses the shared-state implementations: {@code authwatch.store=memory} (default) or {@code redis}. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** Caps in-memory tickets so a flood of minting cannot exhaust the heap. */
	private static final long MAX_IN_MEMORY_TICKETS = 100_000;

	/** Caps in-memory refresh families (each keeps the hashes of its used tokens until it expires). */
	private static final long MAX_IN_MEMORY_FAMILIES = 100_000;

	/** Caps in-memory password-reset tokens. */
	private static final long MAX_IN_MEMORY_RESET_TOKENS = 10_000;

	/** Caps in-memory login sessions. */
	private static final long MAX_IN_MEMORY_SESSIONS = 100_000;

	/** The resilience4j instance guarding every Redis call; configured under {@code resilience4j.circuitbreaker.instances.redis}. */
	static final String REDIS_BREAKER = "redis";

	@Bean
	TicketStore ticketStore(StoreProperties properties, Clock clock, ObjectProvider<StringRedisTemplate> redis,
			JsonMapper json, CircuitBreakerRegistry breakers) {
		return switch (properties.store()) {
			case MEMORY -> new InMemoryTicketStore(MAX_IN_MEMORY_TICKETS, clock);
			case REDIS -> new CircuitBreakingTicketStore(new RedisTicketStore(redis.getObject(), json),
					breakers.circuitBreaker(REDIS_BREAKER));
		};
	}

	/** The user revocations this instance knows; with Redis, a copy of those made on or heard of by this instance. */
	@Bean
	LocalUserRevocations localUserRevocations(Clock clock) {
		return new LocalUserRevocations(MAX_IN_MEMORY_FAMILIES, clock);
	}

	@Bean
	RefreshFamilyStore refreshFamilyStore(StoreProperties properties, Clock clock, ObjectProvider<StringRedisTemplate> redis,
			CircuitBreakerRegistry breakers, LocalUserRevocations localUserRevocations) {
		return switch (properties.store()) {
			case MEMORY -> new InMemoryRefreshFamilyStore(MAX_IN_MEMORY_FAMILIES, clock, localUserRevocations);
			case REDIS -> new RedisRefreshFamilyStore(redis.getObject(), redisCalls(breakers), localUserRevocations);
		};
	}

	@Bean
	ResetTokenStore resetTokenStore(StoreProperties properties, PasswordResetProperties reset,
			ObjectProvider<StringRedisTemplate> redis, CircuitBreakerRegistry breakers) {
		return switch (properties.store()) {
			case MEMORY -> new InMemoryResetTokenStore(MAX_IN_MEMORY_RESET_TOKENS, reset.ttl());
			case REDIS -> new RedisResetTokenStore(redis.getObject(), redisCalls(breakers));
		};
	}

	/**
	 * How login sessions are written to Redis: plain JSON values (the session holds only strings
	 * and numbers, see {@code SessionAttributes}), read back as JSON strings, numbers, arrays and
	 * objects only. No type information is written or honoured, so nothing in Redis can make the
	 * service instantiate a class of its choosing (unlike Java serialization, Spring Session's
	 * default, or Jackson's polymorphic default typing).
	 */
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer() {
		return new JacksonJsonRedisSerializer<>(Object.class);
	}

	/**
	 * Login sessions. Memory: a bounded Caffeine map that drops idle sessions itself. Redis:
	 * Spring Session's {@code RedisSessionRepository} under {@code authwatch:session:}, values as
	 * JSON ({@link #springSessionDefaultRedisSerializer()}), behind the breaker. Defining the
	 * repository here makes Boot's own Redis session configuration back off, so the memory store
	 * never needs Redis.
	 */
	@Bean
	SessionRepository<? extends Session> sessionRepository(StoreProperties properties, LoginSessionProperties sessions,
			ObjectProvider<RedisConnectionFactory> redis, RedisSerializer<Object> springSessionDefaultRedisSerializer,
			CircuitBreakerRegistry breakers) {
		return switch (properties.store()) {
			case MEMORY -> {
				MapSessionRepository repository = new MapSessionRepository(Caffeine.newBuilder()
					.maximumSize(MAX_IN_MEMORY_SESSIONS)
					.expireAfterAccess(sessions.timeout())
					.<String, Session>build()
					.asMap());
				repository.setDefaultMaxInactiveInterval(sessions.timeout());
				yield repository;
			}
			case REDIS -> {
				RedisTemplate<String, Object> template = new RedisTemplate<>();
				template.setConnectionFactory(redis.getObject());
				template.setKeySerializer(RedisSerializer.string());
				template.setHashKeySerializer(RedisSerializer.string());
				template.setDefaultSerializer(springSessionDefaultRedisSerializer);
				template.afterPropertiesSet();
				RedisSessionRepository repository = new RedisSessionRepository(template);
				repository.setRedisKeyNamespace("authwatch:session");
				repository.setDefaultMaxInactiveInterval(sessions.timeout());
				yield new CircuitBreakingSessionRepository<>(repository, redisCalls(breakers));
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
	RedisCredentialsCheck redisCredentialsCheck(RedisConnectionFactory connections) {
		return new RedisCredentialsCheck(connections);
	}

	private static RedisCalls redisCalls(CircuitBreakerRegistry breakers) {
		return new RedisCalls(breakers.circuitBreaker(REDIS_BREAKER));
	}

}
