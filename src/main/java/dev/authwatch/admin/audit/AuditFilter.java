package dev.authwatch.admin.audit;

import java.io.IOException;
import java.time.Clock;

import dev.authwatch.events.AuthEventLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every admin API request once it is answered, allowed or not: who, what, target, client
 * IP, status, time; appends it to the {@link AuditLog} and writes one structured line to the
 * {@code dev.authwatch.admin.audit} logger. The line carries the target only as the events' keyed
 * reference, never a token; the audit log itself (admin-only) keeps the target's id.
 * Sits inside the security context's scope and outside authentication, so it sees both.
 */
public final class AuditFilter extends OncePerRequestFilter {

	private static final Logger auditLogger = LoggerFactory.getLogger("dev.authwatch.admin.audit");

	private final AuditLog log;

	private final AuthEventLog events;

	private final Clock clock;

	public AuditFilter(AuditLog log, AuthEventLog events, Clock clock) {
		this.log = log;
		this.events = events;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			record(request, response);
		}
	}

	private void record(HttpServletRequest request, HttpServletResponse response) {
		AuditEntry entry = new AuditEntry(this.clock.instant(), who(), request.getMethod(), request.getRequestURI(),
				AuditTarget.of(request), request.getRemoteAddr(), response.getStatus());
		this.log.append(entry);
		String targetRef = (entry.target() != null) ? this.events.userRef(entry.target()) : "-";
		auditLogger.atInfo()
			.addKeyValue("who", entry.who())
			.addKeyValue("action", entry.action())
			.addKeyValue("target_ref", targetRef)
			.addKeyValue("client_ip", entry.clientIp())
			.addKeyValue("status", entry.status())
			.addKeyValue("outcome", entry.outcome())
			.log("admin_audit who=\"{}\" action=\"{}\" target_ref={} client_ip={} status={} outcome={}", entry.who(),
					entry.action(), targetRef, entry.clientIp(), entry.status(), entry.outcome());
	}

	private static String who() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
			return AuditEntry.ANONYMOUS;
		}
		return authentication.getName();
	}

}
