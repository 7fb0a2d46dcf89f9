package dev.authwatch.metrics;

import java.util.Locale;

/**
 * Values of the {@code operation} label of {@code auth_operation_latency_seconds} (SPEC
 * §4).
 */
public enum Operation {

	LOGIN, REFRESH, TICKET_ISSUE, WS_HANDSHAKE, JWT_VALIDATE, TICKET_REDEEM, OAUTH_INTROSPECT, SESSION_LOOKUP;

	private final String label = name().toLowerCase(Locale.ROOT);

	public String label() {
		return this.label;
	}

}
