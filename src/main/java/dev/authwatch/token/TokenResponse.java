package dev.authwatch.token;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import org.jspecify.annotations.Nullable;

/** The OAuth 2.0-shaped answer of login, refresh and guest (RFC 6749 §5.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") @Nullable String refreshToken,
		@JsonProperty("refresh_expires_in") @Nullable Long refreshExpiresIn,
		@JsonProperty("csrf_token") @Nullable String csrfToken) {

	static TokenResponse of(AccessTokenIssuer.IssuedToken access) {
		return new TokenResponse(access.value(), "Bearer", secondsUntil(access.expiresAt()), null, null, null);
	}

	static TokenResponse of(RefreshTokens.Pair pair) {
		return new TokenResponse(pair.access().value(), "Bearer", secondsUntil(pair.access().expiresAt()),
				pair.refresh().token(), secondsUntil(pair.refresh().expiresAt()), null);
	}

	TokenResponse withCsrfToken(String token) {
		return new TokenResponse(this.accessToken, this.tokenType, this.expiresIn, this.refreshToken,
				this.refreshExpiresIn, token);
	}

	private static long secondsUntil(Instant instant) {
		return Math.max(0, Duration.between(Instant.now(), instant).toSeconds());
	}

	@Override
	public String toString() {
		return "TokenResponse[expiresIn=" + this.expiresIn + "]";
	}

}
