package dev.authwatch.auth.jwt;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Access token settings, and how the JWT configuration's health is checked
 * ({@code jwthealth}).
 *
 * @param issuer the {@code iss} AuthWatch puts in and requires of its access tokens
 * @param audience the {@code aud} AuthWatch puts in and requires of its access tokens
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}
 * @param accessTokenTtl lifetime of the access tokens AuthWatch issues
 * @param secret the HS256 signing secret (environment variable {@code JWT_SECRET}), at
 * least 32 bytes
 * @param previousSecret the secret being rotated out (environment variable
 * {@code JWT_PREVIOUS_SECRET}); tokens it signed stay valid until they expire
 * @param maxTokenLength tokens longer than this are rejected before they are parsed
 * @param failOnInvalidConfig refuse to start without a secret, or with a
 * {@code JWT_SECRET_FILE} that cannot be read (true in the {@code prod} profile); when
 * false, the service starts without a key, refuses JWT handshakes and reports the problem
 * on {@code /health/jwt}. A weak secret refuses to start whatever this says
 * @param environment the deployment environment (environment variable
 * {@code AUTHWATCH_ENVIRONMENT}); when unset, the first active profile. Selects
 * {@code JWT_SECRET_<ENVIRONMENT>}, which wins over {@code JWT_SECRET}
 * @param secretFile a file holding the secret, e.g. a mounted Kubernetes or Docker secret
 * (environment variable {@code JWT_SECRET_FILE}); below {@code JWT_SECRET} in precedence
 * @param generateDevSecret whether a development environment without any secret generates
 * one; when false (or outside development) the service starts without a signing key,
 * refuses JWT handshakes and reports the configuration unhealthy
 * @param peers base URLs of other AuthWatch instances whose {@code /health/jwt} is
 * compared with this one's key id (cross-service consistency); empty by default
 * @param checkInterval how often the configuration health is checked (environment
 * variable {@code AUTHENTICATION_HEALTH_CHECK_INTERVAL}; a bare number is seconds)
 * @param peerTimeout connect and read timeout for each peer; a peer that does not answer
 * in time is reported unknown
 */
@ConfigurationProperties("authwatch.jwt")
@Validated
public record JwtProperties(
		@DefaultValue("authwatch") @NotBlank(message = "authwatch.jwt.issuer must not be blank") String issuer,
		@DefaultValue("authwatch") @NotBlank(message = "authwatch.jwt.audience must not be blank") String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("15m") Duration accessTokenTtl, @Nullable String secret,
		@Nullable String previousSecret,
		@DefaultValue("8192") @Min(value = 256, message = "authwatch.jwt.max-token-length must be at least 256") @Max(
				value = 65536, message = "authwatch.jwt.max-token-length must be at most 65536") int maxTokenLength,
		@DefaultValue("false") boolean failOnInvalidConfig, @Nullable String environment, @Nullable String secretFile,
		@DefaultValue("true") boolean generateDevSecret, @DefaultValue List<URI> peers,
		@DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration checkInterval,
		@DefaultValue("2s") Duration peerTimeout) {

	/**
	 * These settings with another audience, for tokens that must be useless wherever
	 * AuthWatch's own are accepted.
	 */
	public JwtProperties withAudience(String otherAudience) {
		return new JwtProperties(this.issuer, otherAudience, this.clockSkew, this.accessTokenTtl, this.secret,
				this.previousSecret, this.maxTokenLength, this.failOnInvalidConfig, this.environment, this.secretFile,
				this.generateDevSecret, this.peers, this.checkInterval, this.peerTimeout);
	}

	@AssertTrue(
			message = "authwatch.jwt.check-interval (AUTHENTICATION_HEALTH_CHECK_INTERVAL) must be positive, e.g. 30s")
	public boolean isCheckIntervalPositive() {
		return this.checkInterval != null && !this.checkInterval.isNegative() && !this.checkInterval.isZero();
	}

	@AssertTrue(message = "authwatch.jwt.peer-timeout must be between 1ms and 30s")
	public boolean isPeerTimeoutReasonable() {
		return this.peerTimeout != null && this.peerTimeout.toMillis() >= 1
				&& this.peerTimeout.compareTo(Duration.ofSeconds(30)) <= 0;
	}

	@AssertTrue(message = "authwatch.jwt.peers must be absolute http(s) base URLs, e.g. http://auth-2:8080")
	public boolean isPeersAbsoluteHttp() {
		return this.peers.stream()
			.allMatch((peer) -> peer.isAbsolute() && peer.getScheme() != null
					&& (peer.getScheme().equals("http") || peer.getScheme().equals("https")));
	}

}
