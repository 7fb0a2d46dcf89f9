package dev.authwatch.admin;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An unverified bearer token on its way to {@link AccessTokenAuthenticationProvider}. */
final class BearerTokenAuthenticationToken extends AbstractAuthenticationToken {

	private final String token;

	BearerTokenAuthenticationToken(String token) {
		super(List.of());
		this.token = token;
	}

	@Override
	public String getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return "";
	}

	@Override
	public String toString() {
		return "BearerTokenAuthenticationToken[redacted]";
	}

}
