package dev.authwatch.auth.session;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring MVC and Spring Session look the HTTP session up on their own (flash maps, the
 * request wrapper), where a store exception would become a 500. So a failed lookup
 * answers "no session" and leaves this mark on the request; the session authenticator
 * reads it to answer {@code provider_unavailable} instead of {@code session_invalid}.
 */
public final class SessionStoreOutage {

	private static final String ATTRIBUTE = SessionStoreOutage.class.getName();

	private SessionStoreOutage() {
	}

	public static void markCurrentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	public static boolean occurredDuring(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) != null;
	}

}
