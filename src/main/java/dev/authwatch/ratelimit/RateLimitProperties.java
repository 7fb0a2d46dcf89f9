package dev.authwatch.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Attempts allowed per {@code period}, per client (IPv4 address or IPv6 /64) and per
 * account (username or user id), with bursts up to the same number. Beyond them: HTTP 429
 * {@code rate_limited}, counted.
 *
 * @param enabled switch every limit off (e.g. behind a gateway that limits already)
 * @param period the window the numbers below refer to
 * @param maxTrackedKeys how many clients and accounts are tracked at once (least recently
 * seen dropped)
 * @param loginPerAccount failed logins per account from all clients together: bounds
 * guessing spread over many clients; clients that logged into the account before
 * ({@code knownClientTtl}) are exempt
 * @param loginPerAccountAndClient failed logins per account from one client: the lockout
 * a stranger can cause, and it falls on the stranger's client only
 * @param knownClientTtl how long a client that logged into an account stays exempt from
 * that account's {@code loginPerAccount} limit
 * @param connectionsPerClient WebSocket connections one client may hold open at once
 * @param connectionsPerUser WebSocket connections one user may hold open at once
 */
@ConfigurationProperties("authwatch.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration period,
		@DefaultValue("100000") @Min(value = 1000,
				message = "authwatch.rate-limit.max-tracked-keys must be at least 1000") long maxTrackedKeys,
		@DefaultValue("60") @Min(value = 1,
				message = "authwatch.rate-limit.login-per-ip must be at least 1") int loginPerIp,
		@DefaultValue("100") @Min(value = 1,
				message = "authwatch.rate-limit.login-per-account must be at least 1") int loginPerAccount,
		@DefaultValue("10") @Min(value = 1,
				message = "authwatch.rate-limit.login-per-account-and-client must be at least 1") int loginPerAccountAndClient,
		@DefaultValue("30d") Duration knownClientTtl,
		@DefaultValue("30") @Min(value = 1,
				message = "authwatch.rate-limit.guest-per-ip must be at least 1") int guestPerIp,
		@DefaultValue("300") @Min(value = 1,
				message = "authwatch.rate-limit.refresh-per-ip must be at least 1") int refreshPerIp,
		@DefaultValue("300") @Min(value = 1,
				message = "authwatch.rate-limit.ticket-per-ip must be at least 1") int ticketPerIp,
		@DefaultValue("60") @Min(value = 1,
				message = "authwatch.rate-limit.ticket-per-account must be at least 1") int ticketPerAccount,
		@DefaultValue("20") @Min(value = 1,
				message = "authwatch.rate-limit.reset-per-ip must be at least 1") int resetPerIp,
		@DefaultValue("5") @Min(value = 1,
				message = "authwatch.rate-limit.reset-per-account must be at least 1") int resetPerAccount,
		@DefaultValue("600") @Min(value = 1,
				message = "authwatch.rate-limit.handshake-per-ip must be at least 1") int handshakePerIp,
		@DefaultValue("120") @Min(value = 1,
				message = "authwatch.rate-limit.handshake-per-account must be at least 1") int handshakePerAccount,
		@DefaultValue("1000") @Min(value = 1,
				message = "authwatch.rate-limit.connections-per-client must be at least 1") int connectionsPerClient,
		@DefaultValue("100") @Min(value = 1,
				message = "authwatch.rate-limit.connections-per-user must be at least 1") int connectionsPerUser) {

	@AssertTrue(message = "authwatch.rate-limit.period must be between 1s and 1h")
	boolean isPeriodReasonable() {
		return this.period.compareTo(Duration.ofSeconds(1)) >= 0 && this.period.compareTo(Duration.ofHours(1)) <= 0;
	}

	int limit(RateLimit.Scope scope) {
		return switch (scope) {
			case LOGIN_IP -> this.loginPerIp;
			case LOGIN_ACCOUNT -> this.loginPerAccount;
			case LOGIN_ACCOUNT_CLIENT -> this.loginPerAccountAndClient;
			case GUEST_IP -> this.guestPerIp;
			case REFRESH_IP -> this.refreshPerIp;
			case TICKET_IP -> this.ticketPerIp;
			case TICKET_ACCOUNT -> this.ticketPerAccount;
			case RESET_IP -> this.resetPerIp;
			case RESET_ACCOUNT -> this.resetPerAccount;
			case HANDSHAKE_IP -> this.handshakePerIp;
			case HANDSHAKE_ACCOUNT -> this.handshakePerAccount;
		};
	}

}
