package dev.authwatch.metrics;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	AuthMetrics authMetrics(MeterRegistry registry) {
		return new AuthMetrics(registry);
	}

	@Bean
	OAuthMetrics oauthMetrics(MeterRegistry registry, Clock clock) {
		return new OAuthMetrics(registry, clock);
	}

	@Bean
	LifecycleMetrics lifecycleMetrics(MeterRegistry registry) {
		return new LifecycleMetrics(registry);
	}

	@Bean
	LimitMetrics limitMetrics(MeterRegistry registry) {
		return new LimitMetrics(registry);
	}

	@Bean
	DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
		return new DeliveryMetrics(registry);
	}

	/**
	 * Replaces Boot's {@code FileDescriptorMetrics}, whose open-file count made scrapes
	 * slow with many connections.
	 */
	@Bean
	FileDescriptorMetrics fileDescriptorMetrics() {
		return new ScheduledFileDescriptorMetrics();
	}

}
