package dev.authwatch.auth.ticket;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single-use WebSocket tickets.
 *
 * @param ttl how long a minted ticket can be redeemed
 */
@ConfigurationProperties("authwatch.ticket")
@Validated
public record TicketProperties(@DefaultValue("30s") Duration ttl) {

	@AssertTrue(message = "authwatch.ticket.ttl must be between 1s and 10m")
	boolean isTtlReasonable() {
		return this.ttl.compareTo(Duration.ofSeconds(1)) >= 0 && this.ttl.compareTo(Duration.ofMinutes(10)) <= 0;
	}

}
