package dev.authwatch.cluster;

import java.util.List;

/**
 * The instances that form the service: each announces itself, and is gone once it stops
 * announcing.
 */
public interface Membership {

	void announce(InstanceStatus status);

	/** The instances that announced themselves within the grace period, in id order. */
	List<InstanceStatus> instances();

	/** Leaves at once (a graceful stop), instead of after the grace period. */
	void leave(String instanceId);

}
