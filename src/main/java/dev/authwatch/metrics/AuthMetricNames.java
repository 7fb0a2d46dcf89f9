package dev.authwatch.metrics;

/**
 * Every AuthWatch meter name and tag key, in Micrometer's dotted form. Prometheus scrapes them with
 * underscores and, for counters, a {@code _total} suffix: {@code auth.logins} is
 * {@code auth_logins_total}. The alert rules and the Grafana dashboard use those scraped names.
 */
public final class AuthMetricNames {

	public static final String LOGINS = "auth.logins";

	public static final String ERRORS = "auth.errors";

	public static final String OPERATION_LATENCY = "auth.operation.latency";

	public static final String WS_CONNECTIONS_ACTIVE = "auth.ws.connections.active";

	public static final String WS_DISCONNECTS = "auth.ws.disconnects";

	public static final String WS_HEARTBEAT_RTT = "auth.ws.heartbeat.rtt";

	public static final String WS_REAUTH = "auth.ws.reauth";

	/** Gauge: 0 unknown, 1 healthy, 2 degraded, 3 critical (SPEC §4, §5). */
	public static final String HEALTH_STATUS = "auth.health.status";

	/** Refresh-token rotations by {@code result}: success, failure, reuse. */
	public static final String REFRESH = "auth.refresh";

	/** Histogram of refresh-token rotation time. */
	public static final String REFRESH_LATENCY = "auth.refresh.latency";

	/** Guest tokens by {@code event}: issued, upgraded, expired. */
	public static final String GUEST = "auth.guest";

	/** Password resets by {@code event}: requested, completed, failed. */
	public static final String PASSWORD_RESET = "auth.password.reset";

	public static final String TAG_METHOD = "method";

	public static final String TAG_EVENT = "event";

	public static final String TAG_RESULT = "result";

	public static final String TAG_ERROR_TYPE = "error_type";

	public static final String TAG_OPERATION = "operation";

	public static final String TAG_REASON = "reason";

	public static final String RESULT_SUCCESS = "success";

	public static final String RESULT_FAILURE = "failure";

	private AuthMetricNames() {
	}

}
