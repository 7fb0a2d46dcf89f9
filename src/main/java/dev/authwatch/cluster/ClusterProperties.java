package dev.authwatch.cluster;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this instance takes part in the cluster (SPEC §9).
 *
 * @param instanceId this instance's id in the cluster; empty: a random id per start
 * @param advertisedAddress how admins reach this instance ({@code host:port}); empty: the
 * host name and the server port
 * @param announceInterval how often the instance announces itself
 * @param grace how long after its last announcement an instance counts as gone; longer
 * than a few announce intervals, so that one slow announcement does not drop a live
 * instance
 * @param directoryInterval how often this instance writes its connection changes to the
 * directory: how far the directory may lag behind
 */
@ConfigurationProperties("authwatch.cluster")
@Validated
public record ClusterProperties(@DefaultValue("") String instanceId, @DefaultValue("") String advertisedAddress,
		@DefaultValue("5s") @NotNull(
				message = "authwatch.cluster.announce-interval must be set") Duration announceInterval,
		@DefaultValue("15s") @NotNull(message = "authwatch.cluster.grace must be set") Duration grace,
		@DefaultValue("1s") @NotNull(
				message = "authwatch.cluster.directory-interval must be set") Duration directoryInterval) {

	public ClusterProperties {
		if (grace != null && announceInterval != null && grace.compareTo(announceInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("authwatch.cluster.grace (" + grace
					+ ") must be at least twice authwatch.cluster.announce-interval (" + announceInterval + ")");
		}
	}

}
