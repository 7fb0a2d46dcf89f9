package dev.authwatch.auth;

import org.springframework.http.server.ServerHttpRequest;

/**
 * One method of the handshake authentication chain. Implementations look for their own
 * kind of credential only, never throw for bad input and never record metrics: the chain
 * does that.
 */
public interface Authenticator {

	AuthMethod method();

	AuthDecision authenticate(ServerHttpRequest request);

}
