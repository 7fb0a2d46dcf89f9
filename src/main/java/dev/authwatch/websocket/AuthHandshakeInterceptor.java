package dev.authwatch.websocket;

import java.util.Map;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.AuthenticationChain;
import dev.authwatch.auth.ChainTrace;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.HandshakeTraces;
import dev.authwatch.errors.ErrorBody;
import dev.authwatch.errors.ErrorResponses;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Runs the authentication chain before the upgrade. A rejection is answered right here
 * with the taxonomy status and JSON body, so an unauthenticated client never gets a
 * WebSocket.
 */
final class AuthHandshakeInterceptor implements HandshakeInterceptor {

	private static final String PRINCIPAL_ATTRIBUTE = AuthHandshakeInterceptor.class.getName() + ".principal";

	private final AuthenticationChain chain;

	private final HandshakeTraces traces;

	private final JsonMapper json;

	AuthHandshakeInterceptor(AuthenticationChain chain, HandshakeTraces traces, JsonMapper json) {
		this.chain = chain;
		this.traces = traces;
		this.json = json;
	}

	static AuthenticatedPrincipal principalOf(WebSocketSession session) {
		return (AuthenticatedPrincipal) session.getAttributes().get(PRINCIPAL_ATTRIBUTE);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			Map<String, Object> attributes) throws Exception {
		ChainTrace trace = this.traces.claim(request.getHeaders().getFirst(HandshakeTraces.HEADER));
		AuthDecision decision = (trace != null) ? this.chain.authenticate(request, trace)
				: this.chain.authenticate(request);
		if (decision instanceof AuthDecision.Authenticated authenticated) {
			attributes.put(PRINCIPAL_ATTRIBUTE, authenticated.principal());
			return true;
		}
		reject(response, (AuthDecision.Rejected) decision);
		return false;
	}

	private void reject(ServerHttpResponse response, AuthDecision.Rejected rejected) throws java.io.IOException {
		FailureReason reason = rejected.reason();
		ErrorResponses.write(response, reason.status(), ErrorBody.of(reason, rejected.message()), this.json);
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
			@Nullable Exception exception) {
	}

}
