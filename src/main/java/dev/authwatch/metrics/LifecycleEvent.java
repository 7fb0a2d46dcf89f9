package dev.authwatch.metrics;

import java.util.Locale;

/**
 * The closed label sets of the token lifecycle counters (SPEC §4): the {@code result} of
 * {@code auth_refresh_total}, the {@code event} of {@code auth_guest_total} and of
 * {@code auth_password_reset_total}.
 */
public enum LifecycleEvent {

	REFRESH_SUCCESS(AuthMetricNames.REFRESH, AuthMetricNames.TAG_RESULT, "success"),
	REFRESH_FAILURE(AuthMetricNames.REFRESH, AuthMetricNames.TAG_RESULT, "failure"),
	REFRESH_REUSE(AuthMetricNames.REFRESH, AuthMetricNames.TAG_RESULT, "reuse"),
	GUEST_ISSUED(AuthMetricNames.GUEST, AuthMetricNames.TAG_EVENT, "issued"),
	GUEST_UPGRADED(AuthMetricNames.GUEST, AuthMetricNames.TAG_EVENT, "upgraded"),
	GUEST_EXPIRED(AuthMetricNames.GUEST, AuthMetricNames.TAG_EVENT, "expired"),
	RESET_REQUESTED(AuthMetricNames.PASSWORD_RESET, AuthMetricNames.TAG_EVENT, "requested"),
	RESET_COMPLETED(AuthMetricNames.PASSWORD_RESET, AuthMetricNames.TAG_EVENT, "completed"),
	RESET_FAILED(AuthMetricNames.PASSWORD_RESET, AuthMetricNames.TAG_EVENT, "failed"),
	/**
	 * An existing account's link could not be stored or delivered (the requester saw the
	 * usual 202).
	 */
	RESET_UNDELIVERED(AuthMetricNames.PASSWORD_RESET, AuthMetricNames.TAG_EVENT, "undelivered");

	private final String meter;

	private final String tag;

	private final String label;

	LifecycleEvent(String meter, String tag, String label) {
		this.meter = meter;
		this.tag = tag;
		this.label = label.toLowerCase(Locale.ROOT);
	}

	String meter() {
		return this.meter;
	}

	String tag() {
		return this.tag;
	}

	public String label() {
		return this.label;
	}

}
