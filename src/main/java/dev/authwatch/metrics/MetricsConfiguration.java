package dev.authwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	AuthMetrics authMetrics(MeterRegistry registry) {
		return new AuthMetrics(registry);
	}

	@Bean
	LifecycleMetrics lifecycleMetrics(MeterRegistry registry) {
		return new LifecycleMetrics(registry);
	}

}
