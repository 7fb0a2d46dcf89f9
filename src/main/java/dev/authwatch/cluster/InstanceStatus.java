package dev.authwatch.cluster;

import java.time.Instant;
import java.util.Map;

/**
 * What an instance announces about itself (SPEC §9).
 *
 * @param level the instance's authentication health level
 * ({@code unknown|healthy|degraded|critical})
 * @param connections its open WebSocket connections
 * @param breakers circuit breaker name to state
 */
public record InstanceStatus(String id, String address, String version, Instant startedAt, Instant lastSeen,
		String level, int connections, Map<String, String> breakers) {

	public InstanceStatus {
		breakers = Map.copyOf(breakers);
	}

}
