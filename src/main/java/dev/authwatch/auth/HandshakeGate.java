package dev.authwatch.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;

/**
 * A check of the handshake that does not depend on which method authenticates it, e.g.
 * rate limits. The chain asks every gate before the authenticators (per client) and after
 * a success (per account); a refusal is recorded like any other decision of the chain.
 */
public interface HandshakeGate {

	/**
	 * @return a rejection, or {@code null} to let the authenticators decide
	 */
	AuthDecision.@Nullable Rejected beforeAuthentication(ServerHttpRequest request);

	/**
	 * @return a rejection, or {@code null} to admit the authenticated principal
	 */
	AuthDecision.@Nullable Rejected afterAuthentication(AuthenticatedPrincipal principal);

}
