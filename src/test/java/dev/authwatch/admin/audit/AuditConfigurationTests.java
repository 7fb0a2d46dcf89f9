package dev.authwatch.admin.audit;

import dev.authwatch.store.StoreProperties;
import dev.authwatch.store.StoreProperties.StoreType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AuditConfiguration.class)
		.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(new LettuceConnectionFactory()));

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
