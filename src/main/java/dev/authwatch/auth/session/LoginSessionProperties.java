package dev.authwatch.auth.session;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Server sessions created by {@code POST /api/auth/login} with {@code "session": true}.
 * The cookie ({@code SESSION}, {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} on
 * HTTPS) is configured with Boot's {@code server.servlet.session.cookie.*}.
 *
 * @param timeout how long an idle session lives
 */
@ConfigurationProperties("authwatch.session")
@Validated
public record LoginSessionProperties(@DefaultValue("30m") Duration timeout) {

	@AssertTrue(message = "authwatch.session.timeout must be between 1m and 24h")
	boolean isTimeoutReasonable() {
		return this.timeout.compareTo(Duration.ofMinutes(1)) >= 0 && this.timeout.compareTo(Duration.ofHours(24)) <= 0;
	}

}
