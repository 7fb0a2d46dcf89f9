package dev.authwatch.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Spring Security's {@link BearerTokenAuthenticationFilter} for AuthWatch access tokens.
 * Without the header the request goes on anonymously and the authorization rules decide.
 * The context is kept as a request attribute (the filter's default), so asynchronous
 * dispatches (SSE) keep it.
 */
final class BearerTokens {

	private static final String SCHEME = "Bearer ";

	private BearerTokens() {
	}

	/** A refused token is answered by {@code entryPoint}. */
	static BearerTokenAuthenticationFilter required(AuthenticationManager tokens, AuthenticationEntryPoint entryPoint) {
		BearerTokenAuthenticationFilter filter = new BearerTokenAuthenticationFilter(tokens);
		filter.setBearerTokenResolver(BearerTokens::resolve);
		filter.setAuthenticationEntryPoint(entryPoint);
		return filter;
	}

	/**
	 * A refused token (counted all the same) leaves the caller anonymous, as if none was
	 * sent: the library's filter answers every failure itself, so the refusal never
	 * reaches it as one.
	 */
	static BearerTokenAuthenticationFilter optional(AuthenticationManager tokens) {
		AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("anonymous", "anonymousUser",
				List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
		AuthenticationManager orAnonymous = (token) -> {
			try {
				return tokens.authenticate(token);
			}
			catch (AccessTokenRejectedException ex) {
				return anonymous;
			}
		};
		BearerTokenAuthenticationFilter filter = new BearerTokenAuthenticationFilter(orAnonymous);
		filter.setBearerTokenResolver(BearerTokens::resolve);
		return filter;
	}

	/**
	 * Any token after {@code Bearer}, unchecked: {@code Admission} judges it, so that a
	 * malformed one is rejected and counted with its reason like any other (the library's
	 * default resolver would refuse it unnamed and uncounted).
	 */
	static @Nullable String resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		return header.substring(SCHEME.length()).trim();
	}

}
