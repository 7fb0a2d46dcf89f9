package dev.authwatch.monitor;

import java.time.Clock;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.metrics.AuthMetricNames;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authentication monitoring. With {@code authwatch.monitor.enabled=false}
 * ({@code WEBSOCKET_AUTH_MONITORING_ENABLED=false}) no attempt is recorded: there is no
 * {@link AuthenticationMonitor} bean, but {@code wsAuth} stays and reports level
 * {@code unknown} unless a circuit breaker is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitorProperties.class)
class MonitorConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "authwatch.monitor.enabled", matchIfMissing = true)
	AuthenticationMonitor authenticationMonitor(MonitorProperties properties, Clock clock, UserKeys userKeys) {
		return new AuthenticationMonitor(clock, properties.window(), properties.maxSamples(), userKeys);
	}

	@Bean
	AuthHealthEvaluator authHealthEvaluator(ObjectProvider<AuthenticationMonitor> monitor,
			ObjectProvider<CircuitBreakerRegistry> breakers, MonitorProperties properties) {
		return new AuthHealthEvaluator(monitor.getIfAvailable(), breakers.getIfAvailable(), properties);
	}

	/** The {@code wsAuth} health component (its name is this bean's name). */
	@Bean
	HealthIndicator wsAuth(AuthHealthEvaluator evaluator) {
		return new WsAuthHealthIndicator(evaluator);
	}

	/**
	 * {@code auth_health_status}: 0 unknown, 1 healthy, 2 degraded, 3 critical; assessed
	 * at scrape.
	 */
	@Bean
	MeterBinder authHealthStatusGauge(AuthHealthEvaluator evaluator) {
		return (registry) -> Gauge
			.builder(AuthMetricNames.HEALTH_STATUS, evaluator, (e) -> e.assess().level().gaugeValue())
			.description("Authentication health level: 0 unknown, 1 healthy, 2 degraded, 3 critical")
			.register(registry);
	}

	@Bean
	HealthLevelWatcher healthLevelWatcher(AuthHealthEvaluator evaluator, MonitorProperties properties) {
		return new HealthLevelWatcher(evaluator, properties.healthCheckInterval());
	}

}
