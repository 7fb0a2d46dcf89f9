package dev.authwatch.jwthealth;

import java.time.Clock;
import java.util.Map;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

@Configuration(proxyBeanMethods = false)
class JwtHealthConfiguration {

	/**
	 * Ahead of actuator's endpoint mapping (order -100), which would claim
	 * {@code /health/jwt}.
	 */
	private static final int ENDPOINT_MAPPING_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	InstanceIdentity jwtInstanceIdentity(Environment environment, JwtKeyRing keyRing) {
		return new InstanceIdentity(environment.getProperty("spring.application.name", "authwatch"),
				InstanceIdentity.newInstanceId(), keyRing.provenance().environment());
	}

	@Bean
	PeerProof jwtPeerProof(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		return new PeerProof(keyRing, properties, clock);
	}

	@Bean
	JwtConfigInspector jwtConfigInspector(JwtKeyRing keyRing, AccessTokenIssuer issuer, AccessTokenValidator validator,
			JwtProperties properties, ObjectProvider<RedisFingerprintBoard> board, JsonMapper json, PeerProof peerProof,
			Clock clock) {
		return new JwtConfigInspector(keyRing, new ProbeTokenSelfTest(keyRing, issuer, validator),
				board.getIfAvailable(), new HttpPeers(properties.peers(), properties.peerTimeout(), peerProof, json),
				clock);
	}

	@Bean
	JwtHealthMetrics jwtHealthMetrics(MeterRegistry registry) {
		return new JwtHealthMetrics(registry);
	}

	@Bean
	JwtHealthMonitor jwtHealthMonitor(JwtConfigInspector inspector, JwtKeyRing keyRing, JwtHealthMetrics metrics,
			JwtProperties properties, KeyStateStore keyState, ApplicationEventPublisher events, TaskScheduler scheduler,
			MeterRegistry registry, Clock clock) {
		RotationTracker rotations = new RotationTracker(keyState, metrics.rotations(), events, clock);
		JwtHealthMetrics.registerLastRotation(registry, rotations);
		return new JwtHealthMonitor(inspector, keyRing, rotations, new DriftTracker(metrics.drifts(), events, clock),
				metrics, scheduler, properties.checkInterval());
	}

	@Bean
	JwtHealthIndicator jwtHealthIndicator(JwtHealthMonitor monitor) {
		return new JwtHealthIndicator(monitor);
	}

	@Bean
	SimpleUrlHandlerMapping jwtHealthEndpointMapping(JwtHealthMonitor monitor, PeerProof peerProof,
			HealthEndpointProperties health, JsonMapper json) {
		Show showDetails = (health.getShowDetails() != null) ? health.getShowDetails() : Show.NEVER;
		return new SimpleUrlHandlerMapping(
				Map.of(JwtHealthEndpoint.PATH,
						new JwtHealthEndpoint(monitor, peerProof, showDetails, health.getRoles(), json)),
				ENDPOINT_MAPPING_ORDER);
	}

}
