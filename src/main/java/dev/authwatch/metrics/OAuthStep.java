package dev.authwatch.metrics;

import java.util.Locale;

/** Values of the {@code step} label of {@code auth_oauth_total} (SPEC §2, §4). */
public enum OAuthStep {

	/** Redirecting a browser to the provider (OAuth login). */
	AUTHORIZE,
	/** The provider redirected back: {@code state} checked (OAuth login). */
	CALLBACK,
	/** Authorization code exchanged for tokens at the token endpoint (OAuth login). */
	TOKEN_EXCHANGE,
	/** The user's claims read from the userinfo endpoint (OAuth login). */
	USERINFO,
	/** An opaque token validated by RFC 7662 introspection (oauth handshake). */
	INTROSPECT,
	/** The provider's JWK set fetched (oauth handshake with provider JWTs). */
	JWKS;

	private final String label = name().toLowerCase(Locale.ROOT);

	public String label() {
		return this.label;
	}

}
