package dev.authwatch.auth;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Runs the configured authenticators in order. The first one that recognises its
 * credential decides; there is no fall-through to another method after a rejection. Every
 * decision is handed to the {@link AuthAttemptListener}s here, and only here.
 */
public final class AuthenticationChain {

	private static final Logger logger = LoggerFactory.getLogger(AuthenticationChain.class);

	private final OriginPolicy originPolicy;

	private final List<Authenticator> authenticators;

	private final List<AuthAttemptListener> listeners;

	private final List<HandshakeGate> gates;

	public AuthenticationChain(OriginPolicy originPolicy, List<Authenticator> authenticators,
			List<AuthAttemptListener> listeners) {
		this(originPolicy, authenticators, listeners, List.of());
	}

	public AuthenticationChain(OriginPolicy originPolicy, List<Authenticator> authenticators,
			List<AuthAttemptListener> listeners, List<HandshakeGate> gates) {
		this.originPolicy = originPolicy;
		this.authenticators = List.copyOf(authenticators);
		this.listeners = List.copyOf(listeners);
		this.gates = List.copyOf(gates);
	}

	public List<AuthMethod> methods() {
		return this.authenticators.stream().map(Authenticator::method).toList();
	}

	public AuthDecision authenticate(ServerHttpRequest request) {
		return authenticate(request, ChainTrace.NONE);
	}

	/**
	 * Decides and records, reporting each step to {@code trace} (the admin's test
	 * connection); ordinary handshakes pass {@link ChainTrace#NONE}, which costs a clock
	 * read per step.
	 */
	public AuthDecision authenticate(ServerHttpRequest request, ChainTrace trace) {
		long start = System.nanoTime();
		try {
			return authenticate(request, trace, start);
		}
		catch (RequestRejectedException ex) {
			// Spring Security's firewall checks each header as it is read: a control
			// character is bad input, not a fault.
			return record(null, AuthDecision.rejected(FailureReason.MALFORMED,
					"A request header holds characters headers may not contain."), start);
		}
	}

	private AuthDecision authenticate(ServerHttpRequest request, ChainTrace trace, long start) {
		if (!this.originPolicy.allows(request.getHeaders().getFirst(HttpHeaders.ORIGIN), request.getURI())) {
			trace.step(ChainTrace.ORIGIN, "rejected", FailureReason.ORIGIN_REJECTED, System.nanoTime() - start);
			return record(null, AuthDecision.rejected(FailureReason.ORIGIN_REJECTED), start);
		}
		trace.step(ChainTrace.ORIGIN, "allowed", null, System.nanoTime() - start);
		for (HandshakeGate gate : this.gates) {
			AuthDecision.Rejected refused = gate.beforeAuthentication(request);
			if (refused != null) {
				return record(null, refused, start);
			}
		}
		for (Authenticator authenticator : this.authenticators) {
			long stepStart = System.nanoTime();
			AuthDecision decision = decide(authenticator, request);
			if (decision != AuthDecision.notMine()) {
				decision = admitted(decision);
			}
			trace.step(authenticator.method().code(), verdict(decision),
					(decision instanceof AuthDecision.Rejected rejected) ? rejected.reason() : null,
					System.nanoTime() - stepStart);
			if (decision != AuthDecision.notMine()) {
				return record(authenticator.method(), decision, start);
			}
		}
		return record(null, AuthDecision.rejected(FailureReason.MISSING_CREDENTIALS), start);
	}

	private static String verdict(AuthDecision decision) {
		if (decision == AuthDecision.notMine()) {
			return "not_mine";
		}
		return (decision instanceof AuthDecision.Authenticated) ? "authenticated" : "rejected";
	}

	private AuthDecision admitted(AuthDecision decision) {
		if (decision instanceof AuthDecision.Authenticated authenticated) {
			for (HandshakeGate gate : this.gates) {
				AuthDecision.Rejected refused = gate.afterAuthentication(authenticated.principal());
				if (refused != null) {
					return refused;
				}
			}
		}
		return decision;
	}

	private static AuthDecision decide(Authenticator authenticator, ServerHttpRequest request) {
		try {
			return authenticator.authenticate(request);
		}
		catch (RequestRejectedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.error("Authenticator '{}' failed unexpectedly", authenticator.method().code(), ex);
			return AuthDecision.rejected(FailureReason.INTERNAL);
		}
	}

	private AuthDecision record(AuthMethod method, AuthDecision decision, long start) {
		AuthAttempt attempt = toAttempt(method, decision, System.nanoTime() - start);
		for (AuthAttemptListener listener : this.listeners) {
			try {
				listener.onAttempt(attempt);
			}
			catch (RuntimeException ex) {
				logger.warn("Authentication attempt listener {} failed", listener.getClass().getSimpleName(), ex);
			}
		}
		return decision;
	}

	private static AuthAttempt toAttempt(AuthMethod method, AuthDecision decision, long durationNanos) {
		if (decision instanceof AuthDecision.Authenticated authenticated) {
			return new AuthAttempt(method, authenticated.principal(), null, durationNanos);
		}
		AuthDecision.Rejected rejected = (AuthDecision.Rejected) decision;
		return new AuthAttempt(method, null, rejected.reason(), durationNanos, rejected.claimedSubject());
	}

}
