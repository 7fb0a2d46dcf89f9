package dev.authwatch.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>} through the
 * {@link AuthenticationManager} (in the manner of Spring Security's resource-server filter, which
 * needs the OAuth 2.0 module). Without the header the request goes on anonymously and the
 * authorization rules decide. A refused token is answered by the entry point, or, where
 * {@code optional} (health), ignored so the caller is treated as anonymous.
 * The context is saved as a request attribute so asynchronous dispatches (SSE) keep it.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private final AuthenticationManager authenticationManager;

	private final AuthenticationEntryPoint entryPoint;

	private final boolean optional;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	BearerTokenFilter(AuthenticationManager authenticationManager, AuthenticationEntryPoint entryPoint, boolean optional) {
		this.authenticationManager = authenticationManager;
		this.entryPoint = entryPoint;
		this.optional = optional;
	}

	static @Nullable String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		return header.substring(SCHEME.length()).trim();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = bearerToken(request);
		if (token == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			Authentication authentication = this.authenticationManager.authenticate(new BearerTokenAuthenticationToken(token));
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(authentication);
			this.contexts.setContext(context);
			this.repository.saveContext(context, request, response);
		}
		catch (AuthenticationException ex) {
			this.contexts.clearContext();
			if (!this.optional) {
				this.entryPoint.commence(request, response, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
