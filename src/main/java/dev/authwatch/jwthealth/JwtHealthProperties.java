package dev.authwatch.jwthealth;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * JWT configuration health settings.
 *
 * @param peers base URLs of other AuthWatch instances whose {@code /health/jwt} is compared with
 * this one's key id (cross-service consistency); empty by default
 * @param checkInterval how often the configuration is checked (environment variable
 * {@code AUTHENTICATION_HEALTH_CHECK_INTERVAL}; a bare number is seconds)
 * @param peerTimeout connect and read timeout for each peer; a peer that does not answer in time
 * is reported unknown
 */
@ConfigurationProperties("authwatch.jwt")
@Validated
public record JwtHealthProperties(@DefaultValue List<URI> peers,
		@DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration checkInterval,
		@DefaultValue("2s") Duration peerTimeout) {

	@AssertTrue(message = "authwatch.jwt.check-interval (AUTHENTICATION_HEALTH_CHECK_INTERVAL) must be positive, e.g. 30s")
	public boolean isCheckIntervalPositive() {
		return this.checkInterval != null && !this.checkInterval.isNegative() && !this.checkInterval.isZero();
	}

	@AssertTrue(message = "authwatch.jwt.peer-timeout must be between 1ms and 30s")
	public boolean isPeerTimeoutReasonable() {
		return this.peerTimeout != null && this.peerTimeout.toMillis() >= 1 && this.peerTimeout.compareTo(Duration.ofSeconds(30)) <= 0;
	}

	@AssertTrue(message = "authwatch.jwt.peers must be absolute http(s) base URLs, e.g. http://auth-2:8080")
	public boolean isPeersAbsoluteHttp() {
		return this.peers.stream().allMatch((peer) -> peer.isAbsolute() && peer.getScheme() != null
				&& (peer.getScheme().equals("http") || peer.getScheme().equals("https")));
	}

}
