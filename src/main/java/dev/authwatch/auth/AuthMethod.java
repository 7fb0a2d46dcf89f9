package dev.authwatch.auth;

import java.util.Locale;

/** The handshake authentication methods the chain can be configured with. */
public enum AuthMethod {

	JWT, TICKET, SESSION, OAUTH;

	private final String code = name().toLowerCase(Locale.ROOT);

	public String code() {
		return this.code;
	}

	public static AuthMethod fromCode(String code) {
		for (AuthMethod method : values()) {
			if (method.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
				return method;
			}
		}
		throw new IllegalArgumentException("Unknown authentication method '" + code + "' in authwatch.auth.chain; "
				+ "known methods are jwt, ticket, session, oauth");
	}

}
