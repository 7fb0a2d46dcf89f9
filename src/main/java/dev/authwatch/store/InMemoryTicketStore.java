package dev.authwatch.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.authwatch.auth.ticket.TicketGrant;
import dev.authwatch.auth.ticket.TicketStore;
import dev.authwatch.hotpath.HotPathCaches;

/**
 * Tickets in this JVM only (the embedded default): a bounded Caffeine cache whose entries
 * expire on their own; {@code remove} on its map view is atomic, so a ticket is taken
 * once.
 */
final class InMemoryTicketStore implements TicketStore {

	private record Entry(TicketGrant grant, Instant expiresAt) {
	}

	private final Cache<String, Entry> tickets;

	private final Clock clock;

	InMemoryTicketStore(long maximumSize, Clock clock) {
		this.clock = clock;
		this.tickets = HotPathCaches.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry
				.<String, Entry>creating((key, entry) -> Duration.between(clock.instant(), entry.expiresAt())))
			.build();
	}

	@Override
	public void save(String ticketHash, TicketGrant grant, Duration ttl) {
		this.tickets.put(ticketHash, new Entry(grant, this.clock.instant().plus(ttl)));
	}

	@Override
	public Optional<TicketGrant> take(String ticketHash) {
		Entry entry = this.tickets.asMap().remove(ticketHash);
		if (entry == null || !entry.expiresAt().isAfter(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(entry.grant());
	}

}
