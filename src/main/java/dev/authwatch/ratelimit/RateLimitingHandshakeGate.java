package dev.authwatch.ratelimit;

import java.net.InetSocketAddress;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.HandshakeGate;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;

/**
 * Handshakes per client before authentication and per user after it, and the connections
 * each already holds ({@link ConnectionCaps}); over a limit is 429 {@code rate_limited}.
 */
final class RateLimitingHandshakeGate implements HandshakeGate {

	private static final AuthDecision.Rejected TOO_FAST = new AuthDecision.Rejected(FailureReason.RATE_LIMITED,
			"Too many connection attempts; slow down.");

	private static final AuthDecision.Rejected TOO_MANY = new AuthDecision.Rejected(FailureReason.RATE_LIMITED,
			"Too many open connections; close one first.");

	private final RateLimit limits;

	private final ConnectionCaps caps;

	RateLimitingHandshakeGate(RateLimit limits, ConnectionCaps caps) {
		this.limits = limits;
		this.caps = caps;
	}

	@Override
	public AuthDecision.@Nullable Rejected beforeAuthentication(ServerHttpRequest request) {
		String client = clientIp(request);
		if (!this.limits.tryAcquire(RateLimit.Scope.HANDSHAKE_IP, client)) {
			return TOO_FAST;
		}
		return this.caps.clientHasRoom(client) ? null : TOO_MANY;
	}

	@Override
	public AuthDecision.@Nullable Rejected afterAuthentication(AuthenticatedPrincipal principal) {
		if (!this.limits.tryAcquire(RateLimit.Scope.HANDSHAKE_ACCOUNT, principal.userId())) {
			return TOO_FAST;
		}
		return this.caps.userHasRoom(principal.userId()) ? null : TOO_MANY;
	}

	private static String clientIp(ServerHttpRequest request) {
		if (request instanceof ServletServerHttpRequest servlet) {
			return ClientKeys.of(servlet.getServletRequest().getRemoteAddr());
		}
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? ClientKeys.of(remote.getAddress().getHostAddress())
				: "unknown";
	}

}
