package dev.authwatch.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The memory store: the cluster is this one instance. */
public final class LocalMembership implements Membership {

	private volatile @Nullable InstanceStatus self;

	@Override
	public void announce(InstanceStatus status) {
		this.self = status;
	}

	@Override
	public List<InstanceStatus> instances() {
		InstanceStatus status = this.self;
		return (status != null) ? List.of(status) : List.of();
	}

	@Override
	public void leave(String instanceId) {
		this.self = null;
	}

}
