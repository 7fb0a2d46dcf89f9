package dev.authwatch.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.OriginPolicy;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.session.web.http.CookieSerializer;

/**
 * The {@code session} method: the session cookie of a {@code "session": true} login. The
 * browser attaches the cookie to any page's handshake, so the handshake must come from an
 * origin listed by name (cross-site WebSocket hijacking): no {@code Origin} is
 * {@code csrf}, a foreign one {@code origin_rejected}. The session carries its
 * refresh-token family, so revoking the family (reuse, logout, password reset) also
 * refuses the session.
 */
final class SessionAuthenticator implements Authenticator {

	private final OriginPolicy origins;

	private final AuthMetrics metrics;

	private final Clock clock;

	private final CookieSerializer cookies;

	SessionAuthenticator(CookieSerializer cookies, OriginPolicy origins, AuthMetrics metrics, Clock clock) {
		this.cookies = cookies;
		this.origins = origins;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.SESSION;
	}

	@Override
	public AuthDecision authenticate(ServerHttpRequest request) {
		if (!(request instanceof ServletServerHttpRequest servlet) || !hasSessionCookie(servlet.getServletRequest())) {
			return AuthDecision.notMine();
		}
		String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
		if (origin == null || origin.isEmpty()) {
			return AuthDecision.rejected(FailureReason.CSRF,
					"A session-cookie handshake must come from a browser origin.");
		}
		if (!this.origins.allowsCredentialed(origin, request.getURI())) {
			return AuthDecision.rejected(FailureReason.ORIGIN_REJECTED,
					"Session cookies are accepted from the service's own origin and listed origins only.");
		}
		long start = System.nanoTime();
		try {
			HttpSession session = servlet.getServletRequest().getSession(false);
			if (session == null && SessionStoreOutage.occurredDuring(servlet.getServletRequest())) {
				throw new StoreUnavailableException("The session lookup failed", null);
			}
			return decide(session);
		}
		catch (StoreUnavailableException ex) {
			return AuthDecision.rejected(FailureReason.PROVIDER_UNAVAILABLE,
					"The session store is unavailable; try again later.");
		}
		finally {
			this.metrics.latency(Operation.SESSION_LOOKUP, System.nanoTime() - start);
		}
	}

	/** Reads the cookie only: the store is asked after the origin check, never before. */
	private boolean hasSessionCookie(HttpServletRequest request) {
		return !this.cookies.readCookieValues(request).isEmpty();
	}

	private AuthDecision decide(HttpSession session) {
		String user = (session != null) ? (String) session.getAttribute(SessionAttributes.USER) : null;
		if (user == null) {
			return AuthDecision.rejected(FailureReason.SESSION_INVALID);
		}
		// A revoked family or user is refused by the chain's admission, like its tokens.
		String family = (String) session.getAttribute(SessionAttributes.FAMILY);
		// The session was created by the login (never reused), so its creation is the
		// login's time.
		return AuthDecision.authenticated(new AuthenticatedPrincipal(user, roles(session), AuthMethod.SESSION,
				this.clock.instant().plusSeconds(session.getMaxInactiveInterval()), family,
				Instant.ofEpochMilli(session.getCreationTime())));
	}

	private static Set<String> roles(HttpSession session) {
		String roles = (String) session.getAttribute(SessionAttributes.ROLES);
		return (roles == null || roles.isEmpty()) ? Set.of()
				: Arrays.stream(roles.split(",")).collect(Collectors.toUnmodifiableSet());
	}

}
