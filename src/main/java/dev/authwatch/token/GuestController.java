package dev.authwatch.token;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.ratelimit.RateLimit;
import dev.authwatch.ratelimit.RateLimited;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/guest}: a short-lived access token with role {@code guest}. */
@RestController
class GuestController {

	private final Guests guests;

	private final GuestProperties properties;

	GuestController(Guests guests, GuestProperties properties) {
		this.guests = guests;
		this.properties = properties;
	}

	@RateLimited(RateLimit.Scope.GUEST_IP)
	@PostMapping("/api/auth/guest")
	ResponseEntity<TokenResponse> guest() {
		if (!this.properties.enabled()) {
			throw new AuthRejectedException(FailureReason.REVOKED,
					"Guest access is disabled (authwatch.guest.enabled).");
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(this.guests.issue()));
	}

}
