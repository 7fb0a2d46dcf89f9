package dev.authwatch.admin.audit;

import java.time.Clock;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.metrics.LimitMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AuditConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AuditConfiguration.class)
		.withBean(AuditLog.class, () -> new InMemoryAuditLog(10))
		.withBean(AuthEventLog.class, () -> new AuthEventLog(10, new UserKeys(), Clock.systemUTC()))
		.withBean(LimitMetrics.class, () -> new LimitMetrics(new SimpleMeterRegistry()))
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void aTinyCapacityStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("authwatch.admin.audit.capacity=1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("authwatch.admin.audit.capacity must be at least 10"));
	}

}
