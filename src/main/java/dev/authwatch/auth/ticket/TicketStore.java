package dev.authwatch.auth.ticket;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps minted tickets until they are redeemed or expire. Tickets arrive here already
 * hashed: a store dump holds no usable ticket.
 */
public interface TicketStore {

	/**
	 * @throws dev.authwatch.auth.StoreUnavailableException when the store cannot be
	 * reached in time
	 */
	void save(String ticketHash, TicketGrant grant, Duration ttl);

	/**
	 * Removes and returns the grant atomically: of any number of concurrent calls for one
	 * ticket, exactly one gets it.
	 * @throws dev.authwatch.auth.StoreUnavailableException when the store cannot be
	 * reached in time
	 */
	Optional<TicketGrant> take(String ticketHash);

}
