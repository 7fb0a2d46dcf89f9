package dev.authwatch.admin;

import java.time.Clock;

import dev.authwatch.auth.HandshakeTraces;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.monitor.AuthHealthEvaluator;
import dev.authwatch.cluster.ClusterEvents;
import dev.authwatch.cluster.ConnectionDirectory;
import dev.authwatch.cluster.LocalInstance;
import dev.authwatch.websocket.ConnectionRegistry;
import dev.authwatch.websocket.WebSocketProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	MethodLatencies methodLatencies() {
		return new MethodLatencies();
	}

	@Bean
	MetricsReport metricsReport(AuthHealthEvaluator health, MeterRegistry meters, MethodLatencies latencies,
			ConnectionRegistry connections, ObjectProvider<CircuitBreakerRegistry> breakers, EventStream eventStream,
			AdminProperties properties, Clock clock) {
		return new MetricsReport(health, meters, latencies, connections, breakers.getIfAvailable(), eventStream,
				properties, clock);
	}

	@Bean
	TestConnection testConnection(AccessTokenIssuer issuer, HandshakeTraces traces, UserConnections connections,
			AdminProperties properties, JsonMapper json) {
		return new TestConnection(issuer, traces, connections, properties, json);
	}

	@Bean
	UserConnections userConnections(ConnectionRegistry registry, LocalInstance self, ConnectionDirectory directory,
			WebSocketProperties webSocket, Clock clock) {
		return new UserConnections(registry, self.id(), directory, webSocket.heartbeatInterval(), clock);
	}

	@Bean
	EventStream eventStream(AuthEventLog events, ClusterEvents cluster, LocalInstance self,
			AdminProperties properties) {
		return new EventStream(events, cluster, self.id(), properties);
	}

}
