package dev.authwatch.store;

import java.time.Clock;

import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.token.RefreshFamilyStore;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Chooses the shared-state implementations: {@code authwatch.store=memory} (default) or {@code redis}. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** Caps in-memory tickets so a flood of minting cannot exhaust the heap. */
	private static final long MAX_IN_MEMORY_TICKETS = 100_000;

	/** Caps in-memory refresh families (each keeps the hashes of its used tokens until it expires). */
	private static final long MAX_IN_MEMORY_FAMILIES = 100_000;

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

	@Bean
	RefreshFamilyStore refreshFamilyStore(StoreProperties properties, Clock clock, ObjectProvider<StringRedisTemplate> redis,
			CircuitBreakerRegistry breakers) {
		return switch (properties.store()) {
			case MEMORY -> new InMemoryRefreshFamilyStore(MAX_IN_MEMORY_FAMILIES, clock);
			case REDIS -> new RedisRefreshFamilyStore(redis.getObject(), redisCalls(breakers));
		};
	}

	private static RedisCalls redisCalls(CircuitBreakerRegistry breakers) {
		return new RedisCalls(breakers.circuitBreaker(REDIS_BREAKER));
	}

}
