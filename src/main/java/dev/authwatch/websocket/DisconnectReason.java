package dev.authwatch.websocket;

import java.util.Locale;

/** Values of the {@code reason} label of {@code auth_ws_disconnects_total} (SPEC §4). */
public enum DisconnectReason {

	CLIENT_CLOSE, TOKEN_EXPIRED, REVOKED, HEARTBEAT_TIMEOUT, POLICY, SHUTDOWN;

	private final String label = name().toLowerCase(Locale.ROOT);

	public String label() {
		return this.label;
	}

}
