package dev.authwatch.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import dev.authwatch.hotpath.RingSlots;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent events of this instance in a fixed ring (lock-free: a sequence number picks
 * the slot, consecutive numbers distant slots, see {@link RingSlots}), and live
 * subscribers. Subscribers are called on the thread that publishes — often a handshake —
 * so they must hand the event off, never block.
 */
public final class AuthEventLog {

	private static final Logger logger = LoggerFactory.getLogger(AuthEventLog.class);

	private final AtomicReferenceArray<AuthEvent> ring;

	private final RingSlots slots;

	private final PaddedSequence sequence = new PaddedSequence();

	private final List<Consumer<AuthEvent>> subscribers = new CopyOnWriteArrayList<>();

	private final UserKeys userKeys;

	private final Clock clock;

	public AuthEventLog(int capacity, UserKeys userKeys, Clock clock) {
		this.ring = new AtomicReferenceArray<>(capacity);
		this.slots = new RingSlots(capacity);
		this.userKeys = userKeys;
		this.clock = clock;
	}

	public void publish(Type type, Severity severity, @Nullable String method, @Nullable String reason,
			@Nullable String userId) {
		long next = this.sequence.incrementAndGet();
		AuthEvent event = new AuthEvent(next, this.clock.instant(), type, severity, method, reason, userRef(userId));
		this.ring.setRelease(this.slots.slot(next), event);
		for (Consumer<AuthEvent> subscriber : this.subscribers) {
			try {
				subscriber.accept(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Event subscriber failed; unsubscribing it", ex);
				this.subscribers.remove(subscriber);
			}
		}
	}

	/**
	 * The key events use for {@code userId}, to find a user's events without storing the
	 * id.
	 */
	public @Nullable String userRef(@Nullable String userId) {
		return (userId != null) ? Long.toHexString(this.userKeys.of(userId)) : null;
	}

	/**
	 * @return up to {@code limit} events, newest first
	 */
	public List<AuthEvent> recent(int limit) {
		long newest = this.sequence.get();
		long oldest = Math.max(1, newest - Math.min(limit, this.ring.length()) + 1);
		List<AuthEvent> events = new ArrayList<>();
		for (long s = newest; s >= oldest; s--) {
			AuthEvent event = this.ring.get(this.slots.slot(s));
			if (event != null && event.sequence() == s) {
				events.add(event);
			}
		}
		return events;
	}

	/**
	 * @return a handle that ends the subscription when closed
	 */
	public AutoCloseable subscribe(Consumer<AuthEvent> subscriber) {
		this.subscribers.add(subscriber);
		return () -> this.subscribers.remove(subscriber);
	}

}
