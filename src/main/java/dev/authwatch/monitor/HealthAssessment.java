package dev.authwatch.monitor;

import java.util.List;
import java.util.Map;

/**
 * The authentication health of one moment.
 *
 * @param level the SPEC §5 level
 * @param snapshot the window figures the level was derived from
 * @param breakers circuit breaker name to state, e.g. {@code OPEN}
 * @param warnings human sentences: why the level is not healthy, client rejection surges,
 * suspected configuration drift
 */
public record HealthAssessment(HealthLevel level, WindowSnapshot snapshot, Map<String, String> breakers,
		List<String> warnings) {

	public HealthAssessment {
		breakers = Map.copyOf(breakers);
		warnings = List.copyOf(warnings);
	}

}
