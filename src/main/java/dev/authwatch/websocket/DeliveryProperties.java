package dev.authwatch.websocket;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery guarantees of the chat (SPEC §11).
 *
 * @param dedupWindow how long a message id is remembered per user and room: a resend
 * within it is acknowledged again with the same offset and not broadcast twice
 * @param historySize messages each room keeps for clients that join with {@code since}
 * @param historyMaxAge and how long it keeps them
 */
@ConfigurationProperties("authwatch.delivery")
@Validated
public record DeliveryProperties(@DefaultValue("2m") Duration dedupWindow,
		@DefaultValue("100") @Min(value = 1, message = "authwatch.delivery.history-size must be at least 1") @Max(
				value = 10_000, message = "authwatch.delivery.history-size must be at most 10000") int historySize,
		@DefaultValue("10m") Duration historyMaxAge) {

	/**
	 * A room idle this long starts its offsets again; its history must not outlive its
	 * offsets.
	 */
	public static final Duration IDLE_ROOM = Duration.ofDays(1);

	@AssertTrue(message = "authwatch.delivery.dedup-window must be between 1s and 1d")
	boolean isDedupWindowInRange() {
		return inRange(this.dedupWindow);
	}

	@AssertTrue(message = "authwatch.delivery.history-max-age must be between 1s and 1d")
	boolean isHistoryMaxAgeInRange() {
		return inRange(this.historyMaxAge);
	}

	private static boolean inRange(Duration duration) {
		return duration.compareTo(Duration.ofSeconds(1)) >= 0 && duration.compareTo(IDLE_ROOM) <= 0;
	}

}
