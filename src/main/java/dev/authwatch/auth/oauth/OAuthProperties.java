package dev.authwatch.auth.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The external OAuth 2.0 provider. The {@code oauth} chain method is on when
 * {@code issuer}, {@code introspection-uri} or {@code jwks-uri} is set; OAuth login when
 * {@code authorization-uri} is set.
 *
 * @param issuer the provider's {@code iss}: JWTs carrying it are routed to the oauth
 * method and validated against {@code jwks-uri} (or introspected when only
 * {@code introspection-uri} is set)
 * @param introspectionUri RFC 7662 endpoint; validates opaque tokens with client
 * credentials
 * @param jwksUri the provider's JWK set; validates the provider's JWTs locally
 * @param clientId the client id for introspection (HTTP Basic) and login
 * @param clientSecret the client secret for introspection (HTTP Basic) and login
 * @param audience the {@code aud} a provider token must contain; required with
 * {@code jwks-uri} (a provider signs tokens for many services, and only this value says
 * which are meant for AuthWatch); with introspection only it is checked when set
 * @param timeout connect + read budget of one provider call; past it the call fails as
 * {@code provider_unavailable}
 * @param cacheTtl the longest a validated token is trusted without asking the provider
 * again (never past the token's {@code exp}); also the lifetime given to tokens without
 * {@code exp}
 * @param cacheMaxSize the most validated tokens kept
 * @param jwksCacheTtl how long a fetched JWK set is used before it is fetched again
 * @param jwksRefreshCooldown the least time between two JWK set fetches caused by unknown
 * {@code kid}s
 * @param jwsAlgorithms the signature algorithms accepted on provider JWTs
 * @param clockSkew tolerance for {@code exp} and {@code nbf} of provider tokens
 * @param rolesClaim the claim holding the user's roles (an array, or a space-separated
 * string such as {@code scope})
 * @param defaultRoles the AuthWatch roles of a provider user none of whose provider roles
 * is mapped
 * @param roleMapping provider role → AuthWatch role; provider roles not listed grant
 * nothing, so no provider role becomes {@code admin} unless mapped to it here
 * @param subjectPrefix what a provider {@code sub} is prefixed with to make the AuthWatch
 * user id, so that a provider user can never be a local user of the same name
 * @param subjectMapping provider {@code sub} → AuthWatch user id, for provider users who
 * are meant to be a local user (instead of the prefixed id)
 * @param authorizationUri OAuth login: the provider's authorization endpoint
 * @param tokenUri OAuth login: the provider's token endpoint
 * @param userinfoUri OAuth login: the provider's userinfo endpoint
 * @param redirectUri OAuth login: this service's callback as registered at the provider
 * @param scopes OAuth login: the scopes requested
 * @param stateTtl OAuth login: how long a started login may take to come back
 */
@ConfigurationProperties("authwatch.oauth")
@Validated
public record OAuthProperties(@Nullable String issuer, @Nullable URI introspectionUri, @Nullable URI jwksUri,
		@Nullable String clientId, @Nullable String clientSecret, @Nullable String audience,
		@DefaultValue("2s") Duration timeout, @DefaultValue("5m") Duration cacheTtl,
		@DefaultValue("10000") long cacheMaxSize, @DefaultValue("5m") Duration jwksCacheTtl,
		@DefaultValue("30s") Duration jwksRefreshCooldown,
		@DefaultValue("RS256") @NotEmpty(
				message = "authwatch.oauth.jws-algorithms must name at least one algorithm") List<String> jwsAlgorithms,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("user") List<String> defaultRoles, @DefaultValue Map<String, String> roleMapping,
		@DefaultValue("oauth:") @NotBlank(
				message = "authwatch.oauth.subject-prefix must not be blank: provider subjects would collide with local usernames") String subjectPrefix,
		@DefaultValue Map<String, String> subjectMapping, @Nullable URI authorizationUri, @Nullable URI tokenUri,
		@Nullable URI userinfoUri, @Nullable URI redirectUri, @DefaultValue("openid") List<String> scopes,
		@DefaultValue("5m") Duration stateTtl) {

	@AssertTrue(message = "authwatch.oauth.timeout must be between 1ms and 60s")
	boolean isTimeoutSensible() {
		return this.timeout.toMillis() >= 1 && this.timeout.compareTo(Duration.ofSeconds(60)) <= 0;
	}

	@AssertTrue(
			message = "authwatch.oauth.jwks-uri needs authwatch.oauth.issuer (AUTHWATCH_OAUTH_ISSUER): provider JWTs are recognised by their issuer")
	boolean isIssuerSetForJwks() {
		return this.jwksUri == null || hasText(this.issuer);
	}

	@AssertTrue(
			message = "authwatch.oauth.jwks-uri needs authwatch.oauth.audience (AUTHWATCH_OAUTH_AUDIENCE): provider JWTs are accepted only when their aud names this service")
	boolean isAudienceSetForJwks() {
		return this.jwksUri == null || hasText(this.audience);
	}

	@AssertTrue(
			message = "authwatch.oauth.introspection-uri needs authwatch.oauth.client-id and authwatch.oauth.client-secret (AUTHWATCH_OAUTH_CLIENT_ID, AUTHWATCH_OAUTH_CLIENT_SECRET)")
	boolean isIntrospectionClientSet() {
		return this.introspectionUri == null || (hasText(this.clientId) && hasText(this.clientSecret));
	}

	@AssertTrue(
			message = "authwatch.oauth.issuer needs authwatch.oauth.jwks-uri or authwatch.oauth.introspection-uri to validate the provider's tokens")
	boolean isIssuerValidatable() {
		return !hasText(this.issuer) || this.jwksUri != null || this.introspectionUri != null;
	}

	@AssertTrue(
			message = "authwatch.oauth.authorization-uri (OAuth login) needs token-uri, userinfo-uri, redirect-uri, client-id and client-secret under authwatch.oauth")
	boolean isLoginComplete() {
		return this.authorizationUri == null || (this.tokenUri != null && this.userinfoUri != null
				&& this.redirectUri != null && hasText(this.clientId) && hasText(this.clientSecret));
	}

	@AssertTrue(
			message = "authwatch.oauth.cache-ttl, jwks-cache-ttl, jwks-refresh-cooldown and state-ttl must be positive")
	boolean isDurationsPositive() {
		return isPositive(this.cacheTtl) && isPositive(this.jwksCacheTtl) && isPositive(this.jwksRefreshCooldown)
				&& isPositive(this.stateTtl);
	}

	boolean isChainMethodConfigured() {
		return hasText(this.issuer) || this.introspectionUri != null || this.jwksUri != null;
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "OAuthProperties[issuer=" + this.issuer + ", introspectionUri=" + this.introspectionUri + ", jwksUri="
				+ this.jwksUri + ", clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "******" : null) + "]";
	}

}
