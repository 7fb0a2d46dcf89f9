package dev.authwatch.auth.oauth;

import java.util.Map;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.metrics.OAuthMetrics;
import dev.authwatch.metrics.OAuthStep;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The two provider calls of OAuth login, through the {@code oauth} circuit breaker with
 * the provider timeout: the authorization-code exchange (RFC 6749 §4.1.3 with the PKCE
 * verifier, client authenticated with HTTP Basic) and userinfo. Failures map onto the
 * taxonomy: the code refused ({@code 400 invalid_grant}: unknown, expired, used, or PKCE
 * mismatch) → {@code malformed} (401); any other 4xx (our client registration is wrong) →
 * {@code internal}; no answer, timeout, 5xx or an open breaker →
 * {@code provider_unavailable} (503).
 */
final class OAuthLoginClient {

	private static final Logger logger = LoggerFactory.getLogger(OAuthLoginClient.class);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	private final OAuthProperties properties;

	private final CircuitBreaker breaker;

	private final OAuthMetrics metrics;

	OAuthLoginClient(RestClient http, OAuthProperties properties, CircuitBreaker breaker, OAuthMetrics metrics) {
		this.http = http;
		this.properties = properties;
		this.breaker = breaker;
		this.metrics = metrics;
	}

	/**
	 * @return the provider's access token for the user
	 */
	String exchange(String code, String codeVerifier) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		form.add("redirect_uri", this.properties.redirectUri().toString());
		form.add("code_verifier", codeVerifier);
		Map<String, Object> answer = call(OAuthStep.TOKEN_EXCHANGE,
				() -> this.http.post()
					.uri(this.properties.tokenUri())
					.headers((headers) -> headers.setBasicAuth(this.properties.clientId(),
							this.properties.clientSecret(), java.nio.charset.StandardCharsets.UTF_8))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.accept(MediaType.APPLICATION_JSON)
					.body(form)
					.retrieve()
					.body(JSON_OBJECT));
		Object accessToken = (answer != null) ? answer.get("access_token") : null;
		if (!(accessToken instanceof String token) || token.isBlank()) {
			this.metrics.step(OAuthStep.TOKEN_EXCHANGE, false);
			throw new AuthRejectedException(FailureReason.PROVIDER_UNAVAILABLE,
					"The provider's token response has no access token.");
		}
		this.metrics.step(OAuthStep.TOKEN_EXCHANGE, true);
		return token;
	}

	Map<String, Object> userinfo(String accessToken) {
		Map<String, Object> claims = call(OAuthStep.USERINFO,
				() -> this.http.get()
					.uri(this.properties.userinfoUri())
					.headers((headers) -> headers.setBearerAuth(accessToken))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(JSON_OBJECT));
		if (claims == null || ProviderClaims.subject(claims) == null) {
			this.metrics.step(OAuthStep.USERINFO, false);
			throw new AuthRejectedException(FailureReason.MALFORMED, "The provider's userinfo names no subject (sub).");
		}
		this.metrics.step(OAuthStep.USERINFO, true);
		return claims;
	}

	private Map<String, Object> call(OAuthStep step, java.util.function.Supplier<Map<String, Object>> request) {
		try {
			return this.breaker.executeSupplier(() -> {
				try {
					return request.get();
				}
				catch (RestClientResponseException ex) {
					if (ex.getStatusCode().is4xxClientError()) {
						throw ex;
					}
					throw new ProviderUnavailableException("The provider answered " + ex.getStatusCode(), ex);
				}
				catch (RestClientException ex) {
					throw new ProviderUnavailableException("The provider did not answer", ex);
				}
			});
		}
		catch (RestClientResponseException ex) {
			this.metrics.step(step, false);
			if (ex.getStatusCode() == HttpStatus.BAD_REQUEST
					&& ex.getResponseBodyAsString().contains("invalid_grant")) {
				throw new AuthRejectedException(FailureReason.MALFORMED,
						"The provider refused the authorization code (expired, already used or not issued for this login).");
			}
			logger.error("OAuth {} refused by the provider with {}: check authwatch.oauth.client-id, client-secret and "
					+ "redirect-uri", step.label(), ex.getStatusCode());
			throw new AuthRejectedException(FailureReason.INTERNAL);
		}
		catch (ProviderUnavailableException | CallNotPermittedException ex) {
			this.metrics.step(step, false);
			throw new AuthRejectedException(FailureReason.PROVIDER_UNAVAILABLE,
					"The OAuth provider is unavailable; try again later.");
		}
	}

}
