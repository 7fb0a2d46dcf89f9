package dev.authwatch.ratelimit;

import java.net.InetSocketAddress;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.HandshakeGate;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;

/** Handshakes per client IP before authentication and per user after it; over the limit is 429 {@code rate_limited}. */
final class RateLimitingHandshakeGate implements HandshakeGate {

	private final RateLimit limits;

	RateLimitingHandshakeGate(RateLimit limits) {
		this.limits = limits;
	}

	@Override
	public AuthDecision.@Nullable Rejected beforeAuthentication(ServerHttpRequest request) {
		return this.limits.tryAcquire(RateLimit.Scope.HANDSHAKE_IP, clientIp(request)) ? null : refused();
	}

	@Override
	public AuthDecision.@Nullable Rejected afterAuthentication(AuthenticatedPrincipal principal) {
		return this.limits.tryAcquire(RateLimit.Scope.HANDSHAKE_ACCOUNT, principal.userId()) ? null : refused();
	}

	private static AuthDecision.Rejected refused() {
		return new AuthDecision.Rejected(FailureReason.RATE_LIMITED, "Too many connection attempts; slow down.");
	}

	private static String clientIp(ServerHttpRequest request) {
		if (request instanceof ServletServerHttpRequest servlet) {
			return ClientKeys.of(servlet.getServletRequest().getRemoteAddr());
		}
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? ClientKeys.of(remote.getAddress().getHostAddress()) : "unknown";
	}

}
