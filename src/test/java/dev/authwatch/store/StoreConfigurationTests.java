package dev.authwatch.store;

import java.time.Clock;

import dev.authwatch.auth.session.LoginSessionProperties;
import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.token.PasswordResetProperties;
import dev.authwatch.token.RefreshFamilyStore;
import dev.authwatch.token.ResetTokenStore;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationTests {

	@EnableConfigurationProperties({ StoreProperties.class, LoginSessionProperties.class, PasswordResetProperties.class })
	static class Properties {

	}

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(StoreConfiguration.class, Properties.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
		// Lettuce connects lazily: nothing here needs a running Redis.
		.withBean(RedisConnectionFactory.class, LettuceConnectionFactory::new)
		.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(new LettuceConnectionFactory()));

	@Test
	void theMemoryStoreKeepsFamiliesSessionsAndResetTokensInThisJvm() {
		this.contexts.run((context) -> {
			assertThat(context.getBean(RefreshFamilyStore.class)).isInstanceOf(InMemoryRefreshFamilyStore.class);
			assertThat(context.getBean(ResetTokenStore.class)).isInstanceOf(InMemoryResetTokenStore.class);
			assertThat(context.getBean(SessionRepository.class)).isInstanceOf(MapSessionRepository.class);
			assertThat(context.getBean(TicketStore.class)).isInstanceOf(InMemoryTicketStore.class);
		});
	}

	@Test
	void theRedisStorePutsEverythingInRedisBehindTheBreaker() {
		this.contexts.withPropertyValues("authwatch.store=redis").run((context) -> {
			assertThat(context.getBean(RefreshFamilyStore.class)).isInstanceOf(RedisRefreshFamilyStore.class);
			assertThat(context.getBean(ResetTokenStore.class)).isInstanceOf(RedisResetTokenStore.class);
			assertThat(context.getBean(SessionRepository.class)).isInstanceOf(CircuitBreakingSessionRepository.class);
		});
	}

}
