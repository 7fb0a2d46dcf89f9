package dev.authwatch.admin;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin API and dashboard.
 *
 * @param role the token role that grants admin access
 * @param dashboardRefreshInterval how often the dashboard refreshes
 * ({@code ADMIN_DASHBOARD_AUTO_REFRESH_INTERVAL}, milliseconds)
 * @param testConnectionTokenTtl lifetime of the token a test connection is made with
 * @param testConnectionTimeout how long each step of a test connection may take
 * @param eventStreamTimeout an SSE stream is closed after this long (the client
 * reconnects with {@code Last-Event-ID})
 * @param eventStreamBuffer events buffered per SSE subscriber; more are dropped (and
 * counted) so a slow reader never slows a handshake
 */
@ConfigurationProperties("authwatch.admin")
@Validated
public record AdminProperties(@DefaultValue("admin") String role,
		@DefaultValue("10000ms") Duration dashboardRefreshInterval,
		@DefaultValue("60s") Duration testConnectionTokenTtl, @DefaultValue("5s") Duration testConnectionTimeout,
		@DefaultValue("30m") Duration eventStreamTimeout,
		@DefaultValue("256") @Min(value = 1, message = "authwatch.admin.event-stream-buffer must be at least 1") @Max(
				value = 100_000,
				message = "authwatch.admin.event-stream-buffer must be at most 100000") int eventStreamBuffer) {

	@AssertTrue(
			message = "authwatch.admin.dashboard-refresh-interval (ADMIN_DASHBOARD_AUTO_REFRESH_INTERVAL, ms) must be between 1000 and 3600000")
	boolean isDashboardRefreshIntervalSensible() {
		return this.dashboardRefreshInterval.toMillis() >= 1000
				&& this.dashboardRefreshInterval.toMillis() <= 3_600_000;
	}

	@AssertTrue(message = "authwatch.admin.test-connection-token-ttl must be between 5s and 15m")
	boolean isTestConnectionTokenTtlShort() {
		return this.testConnectionTokenTtl.toSeconds() >= 5 && this.testConnectionTokenTtl.toMinutes() <= 15;
	}

	@AssertTrue(message = "authwatch.admin.test-connection-timeout must be between 100ms and 60s")
	boolean isTestConnectionTimeoutSensible() {
		return this.testConnectionTimeout.toMillis() >= 100 && this.testConnectionTimeout.toSeconds() <= 60;
	}

}
