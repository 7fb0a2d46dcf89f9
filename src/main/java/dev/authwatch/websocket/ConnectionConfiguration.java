package dev.authwatch.websocket;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	ConnectionRegistry connectionRegistry(MeterRegistry meterRegistry) {
		return new ConnectionRegistry(meterRegistry);
	}

}
