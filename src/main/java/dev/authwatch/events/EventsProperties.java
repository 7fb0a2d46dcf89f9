package dev.authwatch.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory event log.
 *
 * @param capacity how many recent events each instance keeps
 */
@ConfigurationProperties("authwatch.events")
@Validated
public record EventsProperties(
		@DefaultValue("1000") @Min(value = 10, message = "authwatch.events.capacity must be at least 10") @Max(
				value = 1_000_000, message = "authwatch.events.capacity must be at most 1000000") int capacity) {
}
