package dev.authwatch.admin.audit;

import java.time.Clock;

import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.LimitMetrics;
import dev.authwatch.store.StoreProperties;
import dev.authwatch.store.StoreProperties.StoreType;
import dev.authwatch.system.UserKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AuditConfiguration.class)
		.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(new LettuceConnectionFactory()))
		.withBean(AuthEventLog.class, () -> new AuthEventLog(10, new UserKeys(), Clock.systemUTC()))
		.withBean(LimitMetrics.class, () -> new LimitMetrics(new SimpleMeterRegistry()))
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void withTheMemoryStoreTheAuditLogIsInMemory() {
		this.runner.withBean(StoreProperties.class, () -> new StoreProperties(StoreType.MEMORY))
			.run((context) -> assertThat(context).getBean(AuditLog.class).isInstanceOf(InMemoryAuditLog.class));
	}

	@Test
	void withTheRedisStoreTheAuditLogIsARedisStream() {
		this.runner.withBean(StoreProperties.class, () -> new StoreProperties(StoreType.REDIS))
			.run((context) -> assertThat(context).getBean(AuditLog.class).isInstanceOf(RedisAuditLog.class));
	}

	@Test
	void aTinyCapacityStopsStartupNamingTheProperty() {
		this.runner.withBean(StoreProperties.class, () -> new StoreProperties(StoreType.MEMORY))
			.withPropertyValues("authwatch.admin.audit.capacity=1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause().hasMessageContaining("authwatch.admin.audit.capacity must be at least 10"));
	}

}
