package dev.authwatch.token;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Guest access.
 *
 * @param enabled whether {@code POST /api/auth/guest} issues guest tokens
 * @param ttl lifetime of a guest token (no refresh token: a guest asks again or logs in)
 */
@ConfigurationProperties("authwatch.guest")
@Validated
public record GuestProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration ttl) {

	@AssertTrue(message = "authwatch.guest.ttl must be between 10s and 1h")
	boolean isTtlShort() {
		return this.ttl.compareTo(Duration.ofSeconds(10)) >= 0 && this.ttl.compareTo(Duration.ofHours(1)) <= 0;
	}

}
