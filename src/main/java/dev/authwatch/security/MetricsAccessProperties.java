package dev.authwatch.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Optional basic authentication of the Prometheus endpoint (SPEC §4).
 *
 * @param username {@code METRICS_USERNAME}; with the password, {@code /metrics} needs
 * HTTP basic
 * @param password {@code METRICS_PASSWORD}: plain, or Spring Security's {@code {id}} form
 * such as {@code {bcrypt}$2a$10$…}
 */
@ConfigurationProperties("authwatch.metrics")
public record MetricsAccessProperties(@Nullable String username, @Nullable String password) {

	public boolean protectedByBasicAuth() {
		return StringUtils.hasText(this.username) && StringUtils.hasText(this.password);
	}

	@Override
	public String toString() {
		return "MetricsAccessProperties[username=" + this.username + "]";
	}

}
