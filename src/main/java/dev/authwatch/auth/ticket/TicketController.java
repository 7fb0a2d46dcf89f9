package dev.authwatch.auth.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.auth.jwt.Admission;
import dev.authwatch.ratelimit.RateLimit;
import dev.authwatch.ratelimit.RateLimited;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/ticket}: trades an admitted (valid, unrevoked) access token for a
 * single-use WebSocket ticket.
 */
@RestController
class TicketController {

	private final BearerTokenResolver tokens;

	private final Admission admission;

	private final TicketService tickets;

	private final RateLimit limits;

	TicketController(BearerTokenResolver tokens, Admission admission, TicketService tickets, RateLimit limits) {
		this.limits = limits;
		this.tokens = tokens;
		this.admission = admission;
		this.tickets = tickets;
	}

	record TicketResponse(String ticket, @JsonProperty("expires_in") long expiresIn) {
	}

	@RateLimited(RateLimit.Scope.TICKET_IP)
	@PostMapping("/api/auth/ticket")
	ResponseEntity<TicketResponse> mint(HttpServletRequest request) {
		BearerTokenResolver.Result bearer = this.tokens.resolve(new ServletServerHttpRequest(request));
		if (!(bearer instanceof BearerTokenResolver.Found found)) {
			throw new AuthRejectedException(FailureReason.MISSING_CREDENTIALS,
					"Send a valid access token as 'Authorization: Bearer <token>'.");
		}
		AuthDecision decision = this.admission.token(found.token());
		if (decision instanceof AuthDecision.Rejected rejected) {
			throw new AuthRejectedException(rejected.reason(), rejected.message());
		}
		AuthenticatedPrincipal holder = ((AuthDecision.Authenticated) decision).principal();
		this.limits.check(RateLimit.Scope.TICKET_ACCOUNT, holder.userId());
		try {
			TicketService.MintedTicket minted = this.tickets.mint(holder);
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(new TicketResponse(minted.ticket(), minted.expiresInSeconds()));
		}
		catch (StoreUnavailableException ex) {
			throw new AuthRejectedException(FailureReason.PROVIDER_UNAVAILABLE,
					"The ticket store is unavailable; try again later.");
		}
	}

}
