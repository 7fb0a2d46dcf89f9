package dev.authwatch.admin.audit;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every admin API request once it is answered, allowed or not: who, what, target,
 * client IP, status, time, through the {@link AuditRecorder}. Sits inside the security
 * context's scope and outside authentication, so it sees both.
 */
public final class AuditFilter extends OncePerRequestFilter {

	private final AuditRecorder recorder;

	private final Clock clock;

	public AuditFilter(AuditRecorder recorder, Clock clock) {
		this.recorder = recorder;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.recorder.record(new AuditEntry(this.clock.instant(), who(), request.getMethod(),
					request.getRequestURI(), AuditTarget.of(request), request.getRemoteAddr(), response.getStatus()));
		}
	}

	private static String who() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return AuditEntry.ANONYMOUS;
		}
		return authentication.getName();
	}

}
