package dev.authwatch.auth.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.OAuthMetrics;
import dev.authwatch.metrics.OAuthStep;
import dev.authwatch.metrics.Operation;

import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.web.client.RestTemplate;

/**
 * RFC 7662 introspection with Spring Security's {@link SpringOpaqueTokenIntrospector},
 * the client authenticating with HTTP Basic (client id and secret form-encoded, RFC 6749
 * §2.3.1).
 * <ul>
 * <li>{@code active: false} → {@code expired} (RFC 7662 does not say whether the token
 * expired, was revoked or never existed; the client's remedy is the same: get a new
 * token)</li>
 * <li>{@code exp}/{@code nbf}/{@code iss}/{@code aud} of an active token → as for
 * JWTs</li>
 * <li>no answer, a timeout or a non-200 status →
 * {@link ProviderUnavailableException}</li>
 * </ul>
 */
final class IntrospectionValidator {

	private final SpringOpaqueTokenIntrospector introspector;

	private final ProviderClaims claims;

	private final OAuthMetrics oauthMetrics;

	private final AuthMetrics metrics;

	IntrospectionValidator(URI introspectionUri, String clientId, String clientSecret, Duration timeout,
			ProviderClaims claims, OAuthMetrics oauthMetrics, AuthMetrics metrics) {
		RestTemplate http = ProviderHttp.restTemplate(timeout);
		http.getInterceptors().add(new BasicAuthenticationInterceptor(formEncode(clientId), formEncode(clientSecret)));
		this.introspector = new SpringOpaqueTokenIntrospector(introspectionUri.toString(), http);
		this.claims = claims;
		this.oauthMetrics = oauthMetrics;
		this.metrics = metrics;
	}

	private static String formEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	AuthDecision validate(String token) {
		long start = System.nanoTime();
		try {
			AuthDecision decision = this.claims.toDecision(this.introspector.introspect(token).getAttributes());
			this.oauthMetrics.step(OAuthStep.INTROSPECT, decision instanceof AuthDecision.Authenticated);
			return decision;
		}
		catch (BadOpaqueTokenException ex) {
			this.oauthMetrics.step(OAuthStep.INTROSPECT, false);
			return AuthDecision.rejected(FailureReason.EXPIRED,
					"The provider reports that the token is not active (expired, revoked or unknown).");
		}
		catch (OAuth2IntrospectionException ex) {
			this.oauthMetrics.step(OAuthStep.INTROSPECT, false);
			throw new ProviderUnavailableException("Token introspection failed", ex);
		}
		finally {
			this.metrics.latency(Operation.OAUTH_INTROSPECT, System.nanoTime() - start);
		}
	}

}
