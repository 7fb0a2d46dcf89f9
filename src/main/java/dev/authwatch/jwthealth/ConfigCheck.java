package dev.authwatch.jwthealth;

import dev.authwatch.metrics.AuthMetricNames;

/**
 * The JWT configuration checks: their key in {@code /health/jwt} details and their metric
 * tag.
 */
public enum ConfigCheck {

	SECRET_AVAILABLE("jwt_secret_available", AuthMetricNames.CHECK_SECRET_AVAILABLE),
	SECRET_LENGTH("secret_length_valid", AuthMetricNames.CHECK_SECRET_LENGTH),
	SECRET_FORMAT("secret_format_valid", AuthMetricNames.CHECK_SECRET_FORMAT),
	CROSS_SERVICE_CONSISTENCY("cross_service_consistency", AuthMetricNames.CHECK_CROSS_SERVICE_CONSISTENCY),
	ENVIRONMENT_ALIGNED("environment_aligned", AuthMetricNames.CHECK_ENVIRONMENT_ALIGNMENT),
	SELF_TEST("startup_self_test", AuthMetricNames.CHECK_SELF_TEST);

	private final String detailKey;

	private final String tag;

	ConfigCheck(String detailKey, String tag) {
		this.detailKey = detailKey;
		this.tag = tag;
	}

	public String detailKey() {
		return this.detailKey;
	}

	public String tag() {
		return this.tag;
	}

}
