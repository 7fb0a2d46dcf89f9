package dev.authwatch.admin.audit;

import dev.authwatch.store.StoreProperties;
import dev.authwatch.store.StoreProperties.StoreType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.validation.annotation.Validated;

/** The audit log: in memory by default, a Redis stream with {@code authwatch.store=redis}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditConfiguration.AuditProperties.class)
class AuditConfiguration {

	@Bean
	AuditLog auditLog(StoreProperties store, AuditProperties properties, ObjectProvider<StringRedisTemplate> redis) {
		return (store.store() == StoreType.REDIS) ? new RedisAuditLog(redis.getObject(), properties.capacity())
				: new InMemoryAuditLog(properties.capacity());
	}

	/**
	 * @param capacity how many entries are kept: the in-memory cap, or the Redis stream's approximate {@code MAXLEN}
	 */
	@ConfigurationProperties("authwatch.admin.audit")
	@Validated
	record AuditProperties(@DefaultValue("10000") @Min(value = 10, message = "authwatch.admin.audit.capacity must be at least 10") @Max(value = 10_000_000, message = "authwatch.admin.audit.capacity must be at most 10000000") int capacity) {
	}

}
