package dev.authwatch.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.session.SessionLogin;
import dev.authwatch.ratelimit.RateLimit;
import dev.authwatch.ratelimit.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/refresh} rotates a refresh token; {@code POST /api/auth/logout}
 * revokes its family.
 */
@RestController
class RefreshController {

	private final RefreshTokens refreshTokens;

	private final SessionLogin sessions;

	RefreshController(RefreshTokens refreshTokens, SessionLogin sessions) {
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
	}

	record RefreshRequest(@JsonProperty("refresh_token") @Nullable String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[]";
		}

	}

	@RateLimited(RateLimit.Scope.REFRESH_IP)
	@PostMapping("/api/auth/refresh")
	ResponseEntity<TokenResponse> refresh(@RequestBody RefreshRequest request) {
		RefreshTokens.Pair pair = this.refreshTokens.refresh(request.refreshToken());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(pair));
	}

	/**
	 * With {@code refresh_token} in the body, revokes that token's family. Without, the
	 * session cookie identifies the login: a cookie-authenticated call, so it must carry
	 * the CSRF token.
	 */
	@PostMapping("/api/auth/logout")
	ResponseEntity<Void> logout(@RequestBody(required = false) @Nullable RefreshRequest request,
			HttpServletRequest http) {
		if (request == null || request.refreshToken() == null) {
			if (http.getRequestedSessionId() == null) {
				throw new AuthRejectedException(FailureReason.MISSING_CREDENTIALS,
						"Send the refresh token as refresh_token, or the session cookie with its CSRF token.");
			}
			String family = this.sessions.logout(http);
			if (family != null) {
				this.refreshTokens.revoke(family);
			}
			return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
		}
		if (!this.refreshTokens.logout(request.refreshToken())) {
			throw new AuthRejectedException(FailureReason.REVOKED, "The refresh token is unknown or already revoked.");
		}
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
