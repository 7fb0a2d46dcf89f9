package dev.authwatch.jwthealth;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Counts drift once per <em>new</em> drift: a peer seen with a differing key id that was
 * not already drifting with that key id at the previous check. Logs and publishes an
 * event each time.
 */
final class DriftTracker {

	private static final Logger logger = LoggerFactory.getLogger(DriftTracker.class);

	private final Counter drifts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private Set<String> drifting = Set.of();

	DriftTracker(Counter drifts, ApplicationEventPublisher events, Clock clock) {
		this.drifts = drifts;
		this.events = events;
		this.clock = clock;
	}

	synchronized void track(String ownKeyId, List<PeerView> peers) {
		Set<String> now = new HashSet<>();
		for (PeerView peer : peers) {
			if (!peer.drift()) {
				continue;
			}
			String drift = peer.peer() + "=" + peer.keyId();
			now.add(drift);
			if (!this.drifting.contains(drift)) {
				this.drifts.increment();
				String message = "JWT configuration drift: " + peer.peer() + " (via " + peer.via() + ") uses key id "
						+ peer.keyId() + ", this instance uses " + ownKeyId;
				logger.warn(message);
				this.events.publishEvent(new JwtConfigEvent(JwtConfigEvent.DRIFT, message, this.clock.instant()));
			}
		}
		this.drifting = Set.copyOf(now);
	}

}
