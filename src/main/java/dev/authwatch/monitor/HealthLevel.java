package dev.authwatch.monitor;

import java.util.Locale;

/**
 * Authentication health levels of SPEC §5, with their {@code auth_health_status} gauge
 * values.
 */
public enum HealthLevel {

	UNKNOWN(0), HEALTHY(1), DEGRADED(2), CRITICAL(3);

	private final int gaugeValue;

	private final String code = name().toLowerCase(Locale.ROOT);

	HealthLevel(int gaugeValue) {
		this.gaugeValue = gaugeValue;
	}

	public int gaugeValue() {
		return this.gaugeValue;
	}

	/** The value of the {@code level} health detail, e.g. {@code degraded}. */
	public String code() {
		return this.code;
	}

}
