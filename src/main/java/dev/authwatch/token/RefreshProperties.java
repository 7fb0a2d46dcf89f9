package dev.authwatch.token;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Refresh tokens.
 *
 * @param ttl how long one refresh token can be used (each rotation issues a new one)
 * @param familyLifetime how long a login lasts at most, however often it is refreshed
 */
@ConfigurationProperties("authwatch.refresh")
@Validated
public record RefreshProperties(@DefaultValue("7d") Duration ttl, @DefaultValue("30d") Duration familyLifetime) {

	@AssertTrue(message = "authwatch.refresh.ttl must be at least 1m and at most authwatch.refresh.family-lifetime")
	boolean isTtlWithinFamilyLifetime() {
		return this.ttl.compareTo(Duration.ofMinutes(1)) >= 0 && this.ttl.compareTo(this.familyLifetime) <= 0;
	}

}
