package dev.authwatch.metrics;

import java.util.Locale;

import dev.authwatch.auth.AuthMethod;

/** Values of the {@code method} label of {@code auth_logins_total} (SPEC §4). */
public enum LoginMethod {

	PASSWORD, GUEST, OAUTH, JWT, TICKET, SESSION;

	private final String label = name().toLowerCase(Locale.ROOT);

	public String label() {
		return this.label;
	}

	static LoginMethod of(AuthMethod method) {
		return switch (method) {
			case JWT -> JWT;
			case TICKET -> TICKET;
			case SESSION -> SESSION;
			case OAUTH -> OAUTH;
		};
	}

}
