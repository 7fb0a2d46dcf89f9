package dev.authwatch.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.authwatch.monitor.HealthAssessment;
import dev.authwatch.monitor.AuthHealthEvaluator;
import dev.authwatch.websocket.ConnectionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;

/**
 * This instance as the cluster sees it: a fixed identity and its current level and
 * connections.
 */
public final class LocalInstance {

	private final String id;

	private final String configuredAddress;

	private final String version;

	private final Instant startedAt;

	private final AuthHealthEvaluator health;

	private final ConnectionRegistry connections;

	private final Environment environment;

	private final Clock clock;

	LocalInstance(ClusterProperties properties, @Nullable BuildProperties build, AuthHealthEvaluator health,
			ConnectionRegistry connections, Environment environment, Clock clock) {
		this.id = properties.instanceId().isBlank() ? UUID.randomUUID().toString().substring(0, 8)
				: properties.instanceId();
		this.configuredAddress = properties.advertisedAddress();
		this.version = (build != null && build.getVersion() != null) ? build.getVersion() : "unknown";
		this.startedAt = clock.instant();
		this.health = health;
		this.connections = connections;
		this.environment = environment;
		this.clock = clock;
	}

	public String id() {
		return this.id;
	}

	InstanceStatus status() {
		HealthAssessment assessment = this.health.assess();
		return new InstanceStatus(this.id, address(), this.version, this.startedAt, this.clock.instant(),
				assessment.level().code(), this.connections.connections().size(), assessment.breakers());
	}

	private String address() {
		if (!this.configuredAddress.isBlank()) {
			return this.configuredAddress;
		}
		// The port is known only once the web server has started, after this bean was
		// created.
		return hostName() + ":" + this.environment.getProperty("local.server.port", "?");
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
