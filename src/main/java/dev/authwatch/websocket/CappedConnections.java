package dev.authwatch.websocket;

import java.net.InetSocketAddress;

import dev.authwatch.ratelimit.ClientKeys;
import dev.authwatch.ratelimit.ConnectionCaps;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Counts every opened chat connection against the per-client and per-user caps and gives
 * its place back when it closes. The handshake already refused clients and users at their
 * cap; this is the atomic count, so that handshakes racing each other cannot overshoot
 * it: the loser is closed with 1008 before the chat sees it. The container reports every
 * close of an opened connection here, whatever ended it (client, server, network,
 * shutdown), so no place leaks.
 */
final class CappedConnections extends WebSocketHandlerDecorator {

	static final CloseStatus TOO_MANY_CONNECTIONS = CloseStatus.POLICY_VIOLATION.withReason("too many connections");

	private static final String ADMISSION_ATTRIBUTE = CappedConnections.class.getName() + ".admission";

	private final ConnectionCaps caps;

	CappedConnections(WebSocketHandler chat, ConnectionCaps caps) {
		super(chat);
		this.caps = caps;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		ConnectionCaps.Admission admission = this.caps.admit(clientKey(session),
				AuthHandshakeInterceptor.principalOf(session).userId());
		if (admission == null) {
			session.close(TOO_MANY_CONNECTIONS);
			return;
		}
		session.getAttributes().put(ADMISSION_ATTRIBUTE, admission);
		super.afterConnectionEstablished(session);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		try {
			super.afterConnectionClosed(session, closeStatus);
		}
		finally {
			if (session.getAttributes().get(ADMISSION_ATTRIBUTE) instanceof ConnectionCaps.Admission admission) {
				admission.release();
			}
		}
	}

	private static String clientKey(WebSocketSession session) {
		InetSocketAddress remote = session.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return ClientKeys
			.of((remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString());
	}

}
