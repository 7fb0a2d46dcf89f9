package dev.authwatch.metrics;

/**
 * Every AuthWatch meter name and tag key, in Micrometer's dotted form. Prometheus scrapes
 * them with underscores and, for counters, a {@code _total} suffix: {@code auth.logins}
 * is {@code auth_logins_total}. The alert rules and the Grafana dashboard use those
 * scraped names.
 */
public final class AuthMetricNames {

	public static final String LOGINS = "auth.logins";

	public static final String ERRORS = "auth.errors";

	public static final String OPERATION_LATENCY = "auth.operation.latency";

	public static final String WS_CONNECTIONS_ACTIVE = "auth.ws.connections.active";

	public static final String WS_DISCONNECTS = "auth.ws.disconnects";

	/**
	 * Events of this instance the cluster's event relay dropped because it fell behind.
	 */
	public static final String CLUSTER_EVENTS_DROPPED = "auth.cluster.events.dropped";

	public static final String WS_HEARTBEAT_RTT = "auth.ws.heartbeat.rtt";

	public static final String WS_REAUTH = "auth.ws.reauth";

	/** Acks sent for chat messages with an id, resends included (SPEC §11). */
	public static final String WS_ACKS = "auth.ws.acks";

	/** Resent message ids acknowledged again instead of being broadcast twice. */
	public static final String WS_DUPLICATES = "auth.ws.duplicates";

	/** Joins with {@code since}, by {@code recovered} (true, false). */
	public static final String WS_RECOVERIES = "auth.ws.recoveries";

	/**
	 * Distribution of the messages a room's history holds, observed at each join with
	 * {@code since}.
	 */
	public static final String WS_HISTORY = "auth.ws.history";

	/**
	 * Room messages this instance's Redis subscription missed and read from the history
	 * instead, by {@code recovered} (false: the history no longer held them).
	 */
	public static final String WS_MISSED = "auth.ws.missed";

	public static final String TAG_RECOVERED = "recovered";

	/** Gauge: 0 unknown, 1 healthy, 2 degraded, 3 critical (SPEC §4, §5). */
	public static final String HEALTH_STATUS = "auth.health.status";

	/** {@code jwt_config_health_score}: 0–100, weights 40/30/20/10 (SPEC §5). */
	public static final String JWT_CONFIG_HEALTH_SCORE = "jwt.config.health.score";

	/**
	 * {@code jwt_config_check{check}}: 1 ok, 0 failing; one series per check from
	 * startup.
	 */
	public static final String JWT_CONFIG_CHECK = "jwt.config.check";

	/**
	 * {@code jwt_config_drift_total}: once per newly seen instance with a different key
	 * id.
	 */
	public static final String JWT_CONFIG_DRIFT = "jwt.config.drift";

	/** {@code jwt_secret_rotations_total}: changes of this service's own key id. */
	public static final String JWT_SECRET_ROTATIONS = "jwt.secret.rotations";

	/**
	 * {@code jwt_secret_last_rotation_timestamp_seconds} (a time gauge; 0 until a
	 * rotation is known).
	 */
	public static final String JWT_SECRET_LAST_ROTATION_TIMESTAMP = "jwt.secret.last.rotation.timestamp";

	public static final String TAG_CHECK = "check";

	// Check names match the detail keys of GET /health/jwt (SPEC §5).

	public static final String CHECK_SECRET_AVAILABLE = "jwt_secret_available";

	public static final String CHECK_SECRET_LENGTH = "secret_length_valid";

	public static final String CHECK_SECRET_FORMAT = "secret_format_valid";

	public static final String CHECK_CROSS_SERVICE_CONSISTENCY = "cross_service_consistency";

	public static final String CHECK_ENVIRONMENT_ALIGNMENT = "environment_aligned";

	public static final String CHECK_SELF_TEST = "startup_self_test";

	/**
	 * OAuth provider interactions by step and result:
	 * {@code auth_oauth_total{step,result}}.
	 */
	public static final String OAUTH = "auth.oauth";

	/** Gauge: epoch seconds of the last successful JWKS fetch, 0 before the first. */
	public static final String OAUTH_JWKS_LAST_SUCCESS = "auth.oauth.jwks.last.success.timestamp";

	/** Refresh-token rotations by {@code result}: success, failure, reuse. */
	public static final String REFRESH = "auth.refresh";

	/** Histogram of refresh-token rotation time. */
	public static final String REFRESH_LATENCY = "auth.refresh.latency";

	/** Guest tokens by {@code event}: issued, upgraded, expired. */
	public static final String GUEST = "auth.guest";

	/** Password resets by {@code event}: requested, completed, failed. */
	public static final String PASSWORD_RESET = "auth.password.reset";

	/**
	 * Requests and connections refused or closed by a resource limit, by {@code limit}
	 * (see {@link Limit}).
	 */
	public static final String LIMITS = "auth.limits";

	public static final String TAG_LIMIT = "limit";

	public static final String TAG_METHOD = "method";

	public static final String TAG_EVENT = "event";

	public static final String TAG_RESULT = "result";

	public static final String TAG_ERROR_TYPE = "error_type";

	public static final String TAG_OPERATION = "operation";

	public static final String TAG_REASON = "reason";

	public static final String TAG_STEP = "step";

	public static final String RESULT_SUCCESS = "success";

	public static final String RESULT_FAILURE = "failure";

	private AuthMetricNames() {
	}

}
