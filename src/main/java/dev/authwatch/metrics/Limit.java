package dev.authwatch.metrics;

import java.util.Locale;

/**
 * The closed label set of {@code auth_limits_total}: which resource limit refused a
 * request or closed a connection.
 */
public enum Limit {

	/**
	 * A request body over {@code authwatch.http.max-body-size}, or JSON beyond the read
	 * constraints: 413.
	 */
	REQUEST_BODY,

	/**
	 * A handshake refused because its client (IPv4 address or IPv6 /64) holds as many
	 * connections as allowed.
	 */
	CONNECTIONS_PER_CLIENT,

	/** A handshake refused because its user holds as many connections as allowed. */
	CONNECTIONS_PER_USER,

	/**
	 * A connection closed because it did not read what it was sent (buffer or send time
	 * exceeded).
	 */
	SLOW_CONSUMER,

	/**
	 * An anonymous admin request folded into its client's aggregated audit entry instead
	 * of one of its own.
	 */
	ANONYMOUS_ADMIN_AUDIT;

	private final String label = name().toLowerCase(Locale.ROOT);

	public String label() {
		return this.label;
	}

}
