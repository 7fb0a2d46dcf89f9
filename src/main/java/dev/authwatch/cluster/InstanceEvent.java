package dev.authwatch.cluster;

import java.time.Instant;

import dev.authwatch.events.AuthEvent;
import org.jspecify.annotations.Nullable;

/**
 * An event of one instance of the cluster, as the admin event stream shows it.
 * {@code sequence} is the instance's own; {@code userRef} is keyed per instance, so it
 * matches only that instance's other events.
 */
public record InstanceEvent(String instance, long sequence, Instant at, AuthEvent.Type type,
		AuthEvent.Severity severity, @Nullable String method, @Nullable String reason, @Nullable String userRef) {

	public static InstanceEvent of(String instance, AuthEvent event) {
		return new InstanceEvent(instance, event.sequence(), event.at(), event.type(), event.severity(), event.method(),
				event.reason(), event.userRef());
	}

}
