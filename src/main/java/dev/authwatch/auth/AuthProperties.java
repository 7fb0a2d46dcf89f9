package dev.authwatch.auth;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Handshake authentication settings.
 *
 * @param chain the authentication methods to try, in order; the first that finds its
 * credential decides (jwt, ticket, session, oauth). Methods that are not configured are
 * skipped.
 */
@ConfigurationProperties("authwatch.auth")
@Validated
public record AuthProperties(@DefaultValue( {
		"jwt", "ticket", "session", "oauth" }) @NotEmpty(
				message = "authwatch.auth.chain must name at least one method") List<String> chain){
}
