package dev.authwatch.jwthealth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.datadir.DataDirectory;
import dev.authwatch.datadir.DataFile;
import dev.authwatch.store.StoreProperties;
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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

@Configuration(proxyBeanMethods = false)
class JwtHealthConfiguration {

	/** Ahead of actuator's endpoint mapping (order -100), which would claim {@code /health/jwt}. */
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
			JwtHealthProperties properties, StoreProperties store, ObjectProvider<StringRedisTemplate> redis,
			JsonMapper json, InstanceIdentity identity, PeerProof peerProof, Clock clock) {
		RedisFingerprintBoard board = (store.store() == StoreProperties.StoreType.REDIS)
				? new RedisFingerprintBoard(redis.getObject(), json, identity, recordTtl(properties.checkInterval())) : null;
		return new JwtConfigInspector(keyRing, new ProbeTokenSelfTest(keyRing, issuer, validator), board,
				new HttpPeers(properties.peers(), properties.peerTimeout(), peerProof, json), clock);
	}

	/** Three intervals: a record outlives a late check but not a stopped instance for long. */
	static Duration recordTtl(Duration interval) {
		Duration ttl = interval.multipliedBy(3);
		return (ttl.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : ttl;
	}

	@Bean
	JwtHealthMetrics jwtHealthMetrics(MeterRegistry registry) {
		return new JwtHealthMetrics(registry);
	}

	@Bean
	JwtHealthMonitor jwtHealthMonitor(JwtConfigInspector inspector, JwtKeyRing keyRing, JwtHealthMetrics metrics,
			JwtHealthProperties properties, StoreProperties store, ObjectProvider<StringRedisTemplate> redis,
			DataDirectory dataDirectory, InstanceIdentity identity, ApplicationEventPublisher events,
			TaskScheduler scheduler, MeterRegistry registry, Clock clock) {
		KeyStateStore keyState = (store.store() == StoreProperties.StoreType.REDIS)
				? new RedisKeyStateStore(redis.getObject(), identity) : fileKeyState(dataDirectory);
		RotationTracker rotations = new RotationTracker(keyState, metrics.rotations(), events, clock);
		JwtHealthMetrics.registerLastRotation(registry, rotations);
		return new JwtHealthMonitor(inspector, keyRing, rotations, new DriftTracker(metrics.drifts(), events, clock),
				metrics, scheduler, properties.checkInterval());
	}

	/** Authentication runs without the key state; only rotation detection across restarts is lost. */
	private static KeyStateStore fileKeyState(DataDirectory dataDirectory) {
		return dataDirectory.ifWritable(DataFile.JWT_KEY_STATE)
			.<KeyStateStore>map(FileKeyStateStore::new)
			.orElseGet(UnrecordedKeyStateStore::new);
	}

	@Bean
	JwtHealthIndicator jwtHealthIndicator(JwtHealthMonitor monitor) {
		return new JwtHealthIndicator(monitor);
	}

	@Bean
	SimpleUrlHandlerMapping jwtHealthEndpointMapping(JwtHealthMonitor monitor, PeerProof peerProof,
			HealthEndpointProperties health, JsonMapper json) {
		Show showDetails = (health.getShowDetails() != null) ? health.getShowDetails() : Show.NEVER;
		return new SimpleUrlHandlerMapping(Map.of(JwtHealthEndpoint.PATH,
				new JwtHealthEndpoint(monitor, peerProof, showDetails, health.getRoles(), json)), ENDPOINT_MAPPING_ORDER);
	}

}
