package dev.authwatch.token;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.ServletServerHttpRequest;

/**
 * A login that presents a guest's token ({@code Authorization: Bearer}) upgrades that
 * guest.
 */
final class GuestUpgrade {

	private final BearerTokenResolver tokens;

	private final AccessTokenValidator validator;

	private final Guests guests;

	GuestUpgrade(BearerTokenResolver tokens, AccessTokenValidator validator, Guests guests) {
		this.tokens = tokens;
		this.validator = validator;
		this.guests = guests;
	}

	void afterLogin(HttpServletRequest request) {
		if (request.getHeader("Authorization") == null || !(this.tokens
			.resolve(new ServletServerHttpRequest(request)) instanceof BearerTokenResolver.Found found)) {
			return;
		}
		if (this.validator.validate(found.token()) instanceof AuthDecision.Authenticated authenticated) {
			this.guests.upgraded(authenticated.principal());
		}
	}

}
