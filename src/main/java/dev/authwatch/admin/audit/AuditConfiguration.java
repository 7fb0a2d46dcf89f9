package dev.authwatch.admin.audit;

import java.time.Clock;
import java.time.Duration;

import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.LimitMetrics;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The audit recorder; the log itself is the store backend's (in memory, or a Redis stream
 * with {@code authwatch.store=redis}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditConfiguration.AuditProperties.class)
public class AuditConfiguration {

	@Bean
	AuditRecorder auditRecorder(AuditLog log, AuthEventLog events, AuditProperties properties, LimitMetrics limits,
			Clock clock) {
		return new AuditRecorder(log, events,
				new AnonymousAuditThrottle(properties.anonymousInterval(), properties.anonymousEntriesPerClient(),
						properties.anonymousEntriesPerInterval(), properties.anonymousClients(), limits, clock));
	}

	/**
	 * @param capacity how many entries are kept: the in-memory cap, or the Redis stream's
	 * approximate {@code MAXLEN}
	 * @param anonymousInterval the interval anonymous requests are counted over (and
	 * aggregated at the end of)
	 * @param anonymousEntriesPerClient entries one anonymous client (IPv4 address, IPv6
	 * /64) gets per interval
	 * @param anonymousEntriesPerInterval entries all anonymous clients together get per
	 * interval
	 * @param anonymousClients anonymous clients aggregated one by one per interval; the
	 * rest share one entry
	 */
	@ConfigurationProperties("authwatch.admin.audit")
	@Validated
	public record AuditProperties(
			@DefaultValue("10000") @Min(value = 10,
					message = "authwatch.admin.audit.capacity must be at least 10") @Max(value = 10_000_000,
							message = "authwatch.admin.audit.capacity must be at most 10000000") int capacity,
			@DefaultValue("1m") Duration anonymousInterval,
			@DefaultValue("10") @Min(value = 0,
					message = "authwatch.admin.audit.anonymous-entries-per-client must be at least 0") int anonymousEntriesPerClient,
			@DefaultValue("100") @Min(value = 0,
					message = "authwatch.admin.audit.anonymous-entries-per-interval must be at least 0") int anonymousEntriesPerInterval,
			@DefaultValue("100") @Min(value = 1,
					message = "authwatch.admin.audit.anonymous-clients must be at least 1") int anonymousClients) {

		@AssertTrue(message = "authwatch.admin.audit.anonymous-interval must be at least 1s")
		boolean isAnonymousIntervalPositive() {
			return this.anonymousInterval.compareTo(Duration.ofSeconds(1)) >= 0;
		}

	}

}
