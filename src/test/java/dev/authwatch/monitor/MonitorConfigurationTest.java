package dev.authwatch.monitor;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.authwatch.crypto.UserKeys;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(MonitorConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(UserKeys.class, UserKeys::new);

	@Test
	void monitoringIsOnByDefault() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(AuthenticationMonitor.class);
			assertThat(context.getBean(MonitorProperties.class).maxSamples()).isEqualTo(10_000);
			assertThat(wsAuth(context.getBean("wsAuth", HealthIndicator.class)).getDetails())
				.containsEntry("level", "unknown")
				.containsEntry("monitoring", "enabled");
		});
	}

	@Test
	void whenMonitoringIsDisabledThereIsNoMonitorAndWsAuthIsUnknown() {
		this.contexts.withPropertyValues("authwatch.monitor.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AuthenticationMonitor.class);
			Health health = wsAuth(context.getBean("wsAuth", HealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("level", "unknown").containsEntry("monitoring", "disabled");
		});
	}

	@Test
	void anOpenCircuitBreakerTakesWsAuthDown() {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		breakers.circuitBreaker("redis");
		this.contexts.withBean(CircuitBreakerRegistry.class, () -> breakers).run((context) -> {
			HealthIndicator indicator = context.getBean("wsAuth", HealthIndicator.class);
			assertThat(wsAuth(indicator).getStatus()).isEqualTo(Status.UP);

			breakers.circuitBreaker("oauth").transitionToOpenState();

			Health health = wsAuth(indicator);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("level", "critical")
				.containsEntry("breakers", Map.of("oauth", "OPEN", "redis", "CLOSED"));
		});
	}

	@Test
	void healthGaugeReportsTheLevel() {
		this.contexts.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("authHealthStatusGauge", MeterBinder.class).bindTo(registry);
			assertThat(registry.get("auth.health.status").gauge().value()).isZero();
			context.getBean(AuthenticationMonitor.class).onAttempt(Attempts.success(Duration.ofMillis(1)));
			assertThat(registry.get("auth.health.status").gauge().value()).isEqualTo(1.0);
		});
	}

	@Test
	void tooFewMaxSamplesStopStartupNamingTheEnvironmentVariable() {
		this.contexts.withPropertyValues("authwatch.monitor.max-samples=5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("AUTHENTICATION_MONITOR_MAX_SAMPLES");
		});
	}

	@Test
	void healthCheckIntervalWithoutUnitIsSeconds() {
		this.contexts.withPropertyValues("authwatch.monitor.health-check-interval=45")
			.run((context) -> assertThat(context.getBean(MonitorProperties.class).healthCheckInterval())
				.hasSeconds(45));
	}

	private static Health wsAuth(HealthIndicator indicator) {
		return indicator.health(true);
	}

}
