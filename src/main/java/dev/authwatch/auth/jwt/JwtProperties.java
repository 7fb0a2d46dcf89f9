package dev.authwatch.auth.jwt;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access token settings.
 *
 * @param issuer the {@code iss} AuthWatch puts in and requires of its access tokens
 * @param audience the {@code aud} AuthWatch puts in and requires of its access tokens
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}
 * @param accessTokenTtl lifetime of the access tokens AuthWatch issues
 * @param secret the HS256 signing secret (environment variable {@code JWT_SECRET}), at least 32
 * bytes
 * @param previousSecret the secret being rotated out (environment variable
 * {@code JWT_PREVIOUS_SECRET}); tokens it signed stay valid until they expire
 * @param maxTokenLength tokens longer than this are rejected before they are parsed
 * @param failOnInvalidConfig refuse to start without a secret, or with a {@code JWT_SECRET_FILE} that
 * cannot be read (true in the {@code prod} profile); when false, the service starts without a key,
 * refuses JWT handshakes and reports the problem on {@code /health/jwt}. A weak secret refuses to
 * start whatever this says
 * @param environment the deployment environment (environment variable
 * {@code AUTHWATCH_ENVIRONMENT}); when unset, the first active profile. Selects
 * {@code JWT_SECRET_<ENVIRONMENT>}, which wins over {@code JWT_SECRET}
 * @param secretFile a file holding the secret, e.g. a mounted Kubernetes or Docker secret
 * (environment variable {@code JWT_SECRET_FILE}); below {@code JWT_SECRET} in precedence
 * @param generateDevSecret whether a development environment without any secret generates one;
 * when false (or outside development) the service starts without a signing key, refuses JWT
 * handshakes and reports the configuration unhealthy
 */
@ConfigurationProperties("authwatch.jwt")
@Validated
public record JwtProperties(@DefaultValue("authwatch") @NotBlank(message = "authwatch.jwt.issuer must not be blank") String issuer,
		@DefaultValue("authwatch") @NotBlank(message = "authwatch.jwt.audience must not be blank") String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("15m") Duration accessTokenTtl,
		@Nullable String secret, @Nullable String previousSecret,
		@DefaultValue("8192") @Min(value = 256, message = "authwatch.jwt.max-token-length must be at least 256") @Max(value = 65536, message = "authwatch.jwt.max-token-length must be at most 65536") int maxTokenLength,
		@DefaultValue("false") boolean failOnInvalidConfig,
		@Nullable String environment,
		@Nullable String secretFile, @DefaultValue("true") boolean generateDevSecret) {

	/** These settings with another audience, for tokens that must be useless wherever AuthWatch's own are accepted. */
	public JwtProperties withAudience(String otherAudience) {
		return new JwtProperties(this.issuer, otherAudience, this.clockSkew, this.accessTokenTtl, this.secret,
				this.previousSecret, this.maxTokenLength, this.failOnInvalidConfig, this.environment,
				this.secretFile, this.generateDevSecret);
	}

}
