package dev.authwatch.auth.oauth;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LoginMethod;
import dev.authwatch.metrics.OAuthMetrics;
import dev.authwatch.metrics.OAuthStep;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OAuth login: {@code GET /api/auth/oauth/authorize} sends the browser to the provider
 * with {@code state} and a PKCE S256 challenge, and binds the login to the browser with
 * an {@code HttpOnly} cookie; {@code GET /api/auth/oauth/callback} checks {@code state}
 * and the cookie (single use; a bad, expired or replayed state is {@code csrf}, 403),
 * exchanges the code with the verifier, reads userinfo and answers an AuthWatch access
 * token for the user.
 */
@RestController
@Conditional(OnOAuthLoginConfiguredCondition.class)
class OAuthLoginController {

	static final String BINDING_COOKIE = "AUTHWATCH_OAUTH_LOGIN";

	private static final String COOKIE_PATH = "/api/auth/oauth";

	private final OAuthProperties properties;

	private final AuthorizationRequests requests;

	private final OAuthLoginClient provider;

	private final AccessTokenIssuer issuer;

	private final ProviderClaims claims;

	private final java.time.Clock clock;

	private final OAuthMetrics oauthMetrics;

	private final AuthMetrics metrics;

	OAuthLoginController(OAuthProperties properties, AuthorizationRequests requests, OAuthLoginClient provider,
			AccessTokenIssuer issuer, java.time.Clock clock, OAuthMetrics oauthMetrics, AuthMetrics metrics) {
		this.properties = properties;
		this.requests = requests;
		this.provider = provider;
		this.issuer = issuer;
		this.claims = new ProviderClaims(properties, clock);
		this.clock = clock;
		this.oauthMetrics = oauthMetrics;
		this.metrics = metrics;
	}

	record LoginResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}

	@GetMapping("/api/auth/oauth/authorize")
	ResponseEntity<Void> authorize(HttpServletRequest request) {
		AuthorizationRequests.Started started = this.requests.start();
		String location = UriComponentsBuilder.fromUri(this.properties.authorizationUri())
			.queryParam("response_type", "code")
			.queryParam("client_id", this.properties.clientId())
			.queryParam("redirect_uri", this.properties.redirectUri())
			.queryParam("scope", String.join(" ", this.properties.scopes()))
			.queryParam("state", started.state())
			.queryParam("code_challenge", started.codeChallenge())
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();
		this.oauthMetrics.step(OAuthStep.AUTHORIZE, true);
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, location)
			.header(HttpHeaders.SET_COOKIE,
					bindingCookie(started.browserBinding(), this.properties.stateTtl(), request).toString())
			.cacheControl(CacheControl.noStore())
			.build();
	}

	@GetMapping("/api/auth/oauth/callback")
	ResponseEntity<LoginResponse> callback(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String error,
			@CookieValue(name = BINDING_COOKIE, required = false) @Nullable String binding,
			HttpServletRequest request) {
		try {
			String verifier = this.requests.redeem(state, binding).orElse(null);
			if (verifier == null) {
				this.oauthMetrics.step(OAuthStep.CALLBACK, false);
				throw new AuthRejectedException(FailureReason.CSRF,
						"The login's state is unknown, expired, already used or belongs to another browser; start the login again.");
			}
			if (error != null || code == null || code.isBlank()) {
				this.oauthMetrics.step(OAuthStep.CALLBACK, false);
				throw new AuthRejectedException(FailureReason.MISSING_CREDENTIALS,
						"The provider did not authorize the login.");
			}
			this.oauthMetrics.step(OAuthStep.CALLBACK, true);
			Map<String, Object> userinfo = this.provider.userinfo(this.provider.exchange(code, verifier));
			AccessTokenIssuer.IssuedToken token = this.issuer
				.issue(this.claims.userId(ProviderClaims.subject(userinfo)), this.claims.roles(userinfo));
			this.metrics.login(LoginMethod.OAUTH, true);
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.SET_COOKIE, bindingCookie("", Duration.ZERO, request).toString())
				.body(new LoginResponse(token.value(), "Bearer",
						Duration.between(this.clock.instant(), token.expiresAt()).toSeconds()));
		}
		catch (AuthRejectedException ex) {
			this.metrics.login(LoginMethod.OAUTH, false);
			throw ex;
		}
	}

	/**
	 * {@code SameSite=Lax}: the provider's redirect back is a top-level cross-site GET,
	 * which Lax lets through.
	 */
	private static ResponseCookie bindingCookie(String value, Duration maxAge, HttpServletRequest request) {
		return ResponseCookie.from(BINDING_COOKIE, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path(COOKIE_PATH)
			.maxAge(maxAge)
			.build();
	}

}
