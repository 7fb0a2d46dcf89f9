package dev.authwatch.auth.ticket;

import java.time.Clock;
import java.util.Optional;

import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.crypto.OpaqueTokens;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Operation;

/** Mints 256-bit single-use tickets and redeems them through the {@link TicketStore}. */
public final class TicketService {

	private final TicketStore store;

	private final TicketProperties properties;

	private final AuthMetrics metrics;

	private final Clock clock;

	public TicketService(TicketStore store, TicketProperties properties, AuthMetrics metrics, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	public record MintedTicket(String ticket, long expiresInSeconds) {

		@Override
		public String toString() {
			return "MintedTicket[expiresInSeconds=" + this.expiresInSeconds + "]";
		}

	}

	public MintedTicket mint(AuthenticatedPrincipal holder) {
		long start = System.nanoTime();
		try {
			String ticket = OpaqueTokens.generate();
			this.store.save(OpaqueTokens.hash(ticket), new TicketGrant(holder.userId(), holder.roles(),
					holder.expiresAt(), holder.credentialId(), holder.issuedAt()), this.properties.ttl());
			return new MintedTicket(ticket, this.properties.ttl().toSeconds());
		}
		finally {
			this.metrics.latency(Operation.TICKET_ISSUE, System.nanoTime() - start);
		}
	}

	/**
	 * @return the grant when the ticket is well formed, known, unexpired and not used
	 * before
	 */
	public Optional<TicketGrant> redeem(String ticket) {
		if (!OpaqueTokens.isWellFormed(ticket)) {
			return Optional.empty();
		}
		long start = System.nanoTime();
		try {
			return this.store.take(OpaqueTokens.hash(ticket))
				.filter((grant) -> grant.credentialExpiresAt().isAfter(this.clock.instant()));
		}
		finally {
			this.metrics.latency(Operation.TICKET_REDEEM, System.nanoTime() - start);
		}
	}

}
