package dev.authwatch.store;

import java.time.Clock;

import dev.authwatch.admin.audit.AuditConfiguration.AuditProperties;
import dev.authwatch.admin.audit.AuditLog;
import dev.authwatch.admin.audit.InMemoryAuditLog;
import dev.authwatch.admin.audit.RedisAuditLog;
import dev.authwatch.auth.session.LoginSessionProperties;
import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.cluster.ClusterEvents;
import dev.authwatch.cluster.ConnectionDirectory;
import dev.authwatch.cluster.LocalMembership;
import dev.authwatch.cluster.Membership;
import dev.authwatch.cluster.RedisConnectionDirectory;
import dev.authwatch.cluster.RedisEventRelay;
import dev.authwatch.cluster.RedisMembership;
import dev.authwatch.cluster.RedisRoomFanout;
import dev.authwatch.config.AuthWatchProperties;
import dev.authwatch.token.PasswordResetProperties;
import dev.authwatch.token.RefreshFamilyStore;
import dev.authwatch.token.ResetTokenStore;
import dev.authwatch.websocket.ChatRooms;
import dev.authwatch.websocket.DeliveryProperties;
import dev.authwatch.websocket.LocalRoomFanout;
import dev.authwatch.websocket.RevocationBus;
import dev.authwatch.websocket.RoomFanout;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code authwatch.store} picks one backend configuration, and that one alone defines
 * every shared-state bean. Lazy: only the beans asked for are built, so the features'
 * other collaborators are not needed here.
 */
class StoreConfigurationTest {

	@EnableConfigurationProperties({ AuthWatchProperties.class, LoginSessionProperties.class,
			PasswordResetProperties.class, AuditProperties.class, DeliveryProperties.class })
	static class Properties {

	}

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(StoreConfiguration.class, MemoryStoreConfiguration.class, RedisStoreConfiguration.class,
				Properties.class)
		.withBean(LazyInitializationBeanFactoryPostProcessor.class)
		// Nothing is started (the cluster's relays would): these tests look at which
		// beans are defined.
		.withBean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, LifecycleProcessor.class, NotStarting::new)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(ChatRooms.class, ChatRooms::new)
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
			assertThat(context.getBean(RevocationBus.class)).isSameAs(RevocationBus.LOCAL);
		});
	}

	@Test
	void theMemoryStoreMakesThisInstanceTheWholeCluster() {
		this.contexts.withPropertyValues("authwatch.store=memory").run((context) -> {
			assertThat(context.getBean(Membership.class)).isInstanceOf(LocalMembership.class);
			assertThat(context.getBean(ConnectionDirectory.class)).isSameAs(ConnectionDirectory.SINGLE_INSTANCE);
			assertThat(context.getBean(ClusterEvents.class)).isSameAs(ClusterEvents.SINGLE_INSTANCE);
			assertThat(context.getBeanDefinitionNames()).doesNotContain("redisListeners", "redisCredentialsCheck");
			assertThat(context.getBeanNamesForType(RoomFanout.class)).hasSize(1);
			assertThat(context.getBean(RoomFanout.class)).isInstanceOf(LocalRoomFanout.class);
			assertThat(context.getBean(AuditLog.class)).isInstanceOf(InMemoryAuditLog.class);
		});
	}

	@Test
	void theRedisStorePutsEverythingInRedisBehindTheBreaker() {
		this.contexts.withPropertyValues("authwatch.store=redis").run((context) -> {
			assertThat(context.getBean(RefreshFamilyStore.class)).isInstanceOf(RedisRefreshFamilyStore.class);
			assertThat(context.getBean(ResetTokenStore.class)).isInstanceOf(RedisResetTokenStore.class);
			assertThat(context.getBean(SessionRepository.class)).isInstanceOf(CircuitBreakingSessionRepository.class);
			assertThat(context.getBean(TicketStore.class)).isInstanceOf(CircuitBreakingTicketStore.class);
			assertThat(context.getBean(RevocationBus.class)).isInstanceOf(RedisRevocations.class);
		});
	}

	@Test
	void theRedisStoreMakesEveryInstanceOnItOneCluster() {
		this.contexts.withPropertyValues("authwatch.store=redis").run((context) -> {
			assertThat(context.getType("membership")).isEqualTo(RedisMembership.class);
			assertThat(context.getType("connectionDirectory")).isEqualTo(RedisConnectionDirectory.class);
			assertThat(context.getType("roomFanout")).isEqualTo(RedisRoomFanout.class);
			assertThat(context.getType("clusterEvents")).isEqualTo(RedisEventRelay.class);
			assertThat(context.getBean(AuditLog.class)).isInstanceOf(RedisAuditLog.class);
			assertThat(context.getType("redisListeners")).isEqualTo(RedisMessageListenerContainer.class);
			assertThat(context.getBeanNamesForType(AuditLog.class)).containsExactly("auditLog");
		});
	}

	static class NotStarting implements LifecycleProcessor {

		@Override
		public void onRefresh() {
		}

		@Override
		public void onClose() {
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

	}

}
