package dev.authwatch.auth.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Operation;

/** Mints 256-bit single-use tickets and redeems them through the {@link TicketStore}. */
public final class TicketService {

	private static final int TICKET_BYTES = 32;

	/** Base64url without padding of 32 bytes. */
	private static final int TICKET_LENGTH = 43;

	private final SecureRandom random = new SecureRandom();

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
			byte[] bytes = new byte[TICKET_BYTES];
			this.random.nextBytes(bytes);
			String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			this.store.save(hash(ticket), new TicketGrant(holder.userId(), holder.roles(), holder.expiresAt(), holder.credentialId(),
					holder.issuedAt()),
					this.properties.ttl());
			return new MintedTicket(ticket, this.properties.ttl().toSeconds());
		}
		finally {
			this.metrics.latency(Operation.TICKET_ISSUE, System.nanoTime() - start);
		}
	}

	/** @return the grant when the ticket is well formed, known, unexpired and not used before */
	public Optional<TicketGrant> redeem(String ticket) {
		if (ticket.length() != TICKET_LENGTH) {
			return Optional.empty();
		}
		long start = System.nanoTime();
		try {
			return this.store.take(hash(ticket))
				.filter((grant) -> grant.credentialExpiresAt().isAfter(this.clock.instant()));
		}
		finally {
			this.metrics.latency(Operation.TICKET_REDEEM, System.nanoTime() - start);
		}
	}

	private static String hash(String ticket) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
