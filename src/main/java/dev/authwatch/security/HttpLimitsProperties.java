package dev.authwatch.security;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what an HTTP request may make the service read. The JSON read constraints of
 * every body the service parses are Jackson's
 * ({@code spring.jackson.factory.constraints.read.*} in {@code application.yml}).
 *
 * @param maxBodySize the largest request body on any endpoint; a larger one is answered
 * 413 {@code malformed} before it is read (declared size) or as soon as it crosses the
 * limit (chunked)
 */
@ConfigurationProperties("authwatch.http")
@Validated
public record HttpLimitsProperties(@DefaultValue("16KB") DataSize maxBodySize) {

	@AssertTrue(message = "authwatch.http.max-body-size must be between 1KB and 10MB")
	boolean isMaxBodySizeReasonable() {
		return this.maxBodySize.toBytes() >= 1024 && this.maxBodySize.toBytes() <= 10L * 1024 * 1024;
	}

}
