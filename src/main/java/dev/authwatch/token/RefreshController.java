package dev.authwatch.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/refresh} rotates a refresh token; {@code POST /api/auth/logout} revokes its family. */
@RestController
class RefreshController {

	private final RefreshTokens refreshTokens;

	RefreshController(RefreshTokens refreshTokens) {
		this.refreshTokens = refreshTokens;
	}

	record RefreshRequest(@JsonProperty("refresh_token") @Nullable String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[]";
		}

	}

	@PostMapping("/api/auth/refresh")
	ResponseEntity<TokenResponse> refresh(@RequestBody RefreshRequest request) {
		RefreshTokens.Pair pair = this.refreshTokens.refresh(request.refreshToken());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(pair));
	}

	@PostMapping("/api/auth/logout")
	ResponseEntity<Void> logout(@RequestBody RefreshRequest request) {
		if (request.refreshToken() == null) {
			throw new AuthRejectedException(FailureReason.MISSING_CREDENTIALS, "Send the refresh token as refresh_token.");
		}
		if (!this.refreshTokens.logout(request.refreshToken())) {
			throw new AuthRejectedException(FailureReason.REVOKED, "The refresh token is unknown or already revoked.");
		}
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
