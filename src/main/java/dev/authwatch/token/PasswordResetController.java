package dev.authwatch.token;

import java.util.Map;

import dev.authwatch.ratelimit.RateLimit;
import dev.authwatch.ratelimit.RateLimited;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/password-reset} and
 * {@code POST /api/auth/password-reset/confirm}.
 */
@RestController
class PasswordResetController {

	static final Map<String, String> ACCEPTED = Map.of("status", "accepted", "message",
			"If the account exists, a reset link is on its way.");

	private final PasswordResets resets;

	private final RateLimit limits;

	PasswordResetController(PasswordResets resets, RateLimit limits) {
		this.limits = limits;
		this.resets = resets;
	}

	record ResetRequest(@Nullable String username) {

		@Override
		public String toString() {
			return "ResetRequest[]";
		}

	}

	record ConfirmRequest(@Nullable String token, @Nullable String password) {

		@Override
		public String toString() {
			return "ConfirmRequest[]";
		}

	}

	@RateLimited(RateLimit.Scope.RESET_IP)
	@PostMapping("/api/auth/password-reset")
	ResponseEntity<Map<String, String>> request(@RequestBody ResetRequest request) {
		String username = request.username();
		if (username != null && !username.isBlank() && username.length() <= 256) {
			this.limits.check(RateLimit.Scope.RESET_ACCOUNT, username);
			this.resets.request(username);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(ACCEPTED);
	}

	@RateLimited(RateLimit.Scope.RESET_IP)
	@PostMapping("/api/auth/password-reset/confirm")
	ResponseEntity<Void> confirm(@RequestBody ConfirmRequest request) {
		this.resets.confirm(request.token(), request.password());
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
