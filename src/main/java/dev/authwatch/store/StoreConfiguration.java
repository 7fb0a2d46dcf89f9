package dev.authwatch.store;

import java.time.Clock;

import dev.authwatch.auth.ticket.TicketStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Chooses the shared-state implementations: {@code authwatch.store=memory} (default) or {@code redis}. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** Caps in-memory tickets so a flood of minting cannot exhaust the heap. */
	private static final long MAX_IN_MEMORY_TICKETS = 100_000;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "memory", matchIfMissing = true)
	static class InMemory {

		@Bean
		TicketStore ticketStore(Clock clock) {
			return new InMemoryTicketStore(MAX_IN_MEMORY_TICKETS, clock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "authwatch.store", havingValue = "redis")
	static class Redis {

		@Bean
		TicketStore ticketStore(StringRedisTemplate redis, JsonMapper json) {
			return new RedisTicketStore(redis, json);
		}

	}

}
