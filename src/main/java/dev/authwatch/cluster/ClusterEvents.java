package dev.authwatch.cluster;

import java.util.function.Consumer;

/** The events of the other instances of the cluster, as they happen. */
public interface ClusterEvents {

	/** The memory store: there is no other instance. */
	ClusterEvents SINGLE_INSTANCE = (subscriber) -> () -> {
	};

	/**
	 * @param subscriber called on the one thread that receives the other instances'
	 * events; it must hand them off, never block
	 * @return closing it ends the subscription
	 */
	AutoCloseable subscribe(Consumer<InstanceEvent> subscriber);

}
