package dev.authwatch.monitor;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication monitoring settings (SPEC §5, §8).
 *
 * @param enabled whether handshake attempts are recorded (environment variable
 * {@code WEBSOCKET_AUTH_MONITORING_ENABLED}); when off no {@link AuthenticationMonitor}
 * bean exists, the {@code wsAuth} health component stays UP with level {@code unknown}
 * and {@code auth_health_status} is 0
 * @param window how far back the health figures look
 * @param maxSamples the most attempts the window keeps (environment variable
 * {@code AUTHENTICATION_MONITOR_MAX_SAMPLES}); under heavy load the window covers less
 * time
 * @param healthCheckInterval how often the level is re-evaluated in the background so
 * that a change is logged (environment variable
 * {@code AUTHENTICATION_HEALTH_CHECK_INTERVAL}, seconds when no unit is given)
 */
@ConfigurationProperties("authwatch.monitor")
@Validated
public record MonitorProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("5m") @NotNull(message = "authwatch.monitor.window must be set") @DurationMin(seconds = 1,
				message = "authwatch.monitor.window must be at least 1s") Duration window,
		@DefaultValue("10000") @Min(value = 100,
				message = "authwatch.monitor.max-samples (AUTHENTICATION_MONITOR_MAX_SAMPLES) must be at least 100") @Max(
						value = 1_000_000,
						message = "authwatch.monitor.max-samples (AUTHENTICATION_MONITOR_MAX_SAMPLES) must be at most 1000000") int maxSamples,
		@DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) @NotNull(
				message = "authwatch.monitor.health-check-interval must be set") @DurationMin(seconds = 1,
						message = "authwatch.monitor.health-check-interval (AUTHENTICATION_HEALTH_CHECK_INTERVAL) must be at least 1s") Duration healthCheckInterval) {
}
