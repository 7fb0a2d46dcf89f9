package dev.authwatch.auth.ticket;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.QueryParameters;
import dev.authwatch.auth.StoreUnavailableException;

import org.springframework.http.server.ServerHttpRequest;

/**
 * The {@code ticket} method: {@code ?ticket=<opaque>} minted by
 * {@code POST /api/auth/ticket}, usable once.
 */
final class TicketAuthenticator implements Authenticator {

	static final String PARAMETER = "ticket";

	private final TicketService tickets;

	TicketAuthenticator(TicketService tickets) {
		this.tickets = tickets;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.TICKET;
	}

	@Override
	public AuthDecision authenticate(ServerHttpRequest request) {
		String ticket;
		try {
			ticket = QueryParameters.single(request, PARAMETER);
		}
		catch (IllegalArgumentException ex) {
			return AuthDecision.rejected(FailureReason.MALFORMED, "Send exactly one ticket.");
		}
		if (ticket == null) {
			return AuthDecision.notMine();
		}
		try {
			return this.tickets.redeem(ticket)
				.map((grant) -> AuthDecision
					.authenticated(new AuthenticatedPrincipal(grant.userId(), grant.roles(), AuthMethod.TICKET,
							grant.credentialExpiresAt(), grant.credentialId(), grant.credentialIssuedAt())))
				.orElseGet(() -> AuthDecision.rejected(FailureReason.TICKET_INVALID));
		}
		catch (StoreUnavailableException ex) {
			return AuthDecision.rejected(FailureReason.PROVIDER_UNAVAILABLE,
					"The ticket store is unavailable; try again later.");
		}
	}

}
