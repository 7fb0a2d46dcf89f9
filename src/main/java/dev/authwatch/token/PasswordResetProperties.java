package dev.authwatch.token;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password reset.
 *
 * @param ttl how long a reset token can be used (once)
 * @param linkBase the page the reset link points to; the token is appended as
 * {@code ?token=}
 * @param minPasswordLength the shortest new password accepted
 */
@ConfigurationProperties("authwatch.password-reset")
@Validated
public record PasswordResetProperties(@DefaultValue("15m") Duration ttl,
		@DefaultValue("http://localhost:8080/reset-password") @NotBlank(
				message = "authwatch.password-reset.link-base must not be blank") String linkBase,
		@DefaultValue("10") @Min(value = 8,
				message = "authwatch.password-reset.min-password-length must be at least 8") @Max(value = 128,
						message = "authwatch.password-reset.min-password-length must be at most 128") int minPasswordLength) {

	@AssertTrue(message = "authwatch.password-reset.ttl must be between 1m and 1h")
	boolean isTtlShort() {
		return this.ttl.compareTo(Duration.ofMinutes(1)) >= 0 && this.ttl.compareTo(Duration.ofHours(1)) <= 0;
	}

}
