package dev.authwatch.admin.audit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lets an admin endpoint name the user it acts on, for the audit entry of its request.
 */
public final class AuditTarget {

	private static final String ATTRIBUTE = AuditTarget.class.getName();

	private static final String SESSION_SEGMENT = "/session/";

	private AuditTarget() {
	}

	public static void set(HttpServletRequest request, String userId) {
		request.setAttribute(ATTRIBUTE, userId);
	}

	/**
	 * The target the endpoint named or, for a request refused before reaching it, the
	 * user a {@code /session/{user_id}} path names: denied attempts at a user are worth
	 * auditing too.
	 */
	static @Nullable String of(HttpServletRequest request) {
		String target = (String) request.getAttribute(ATTRIBUTE);
		if (target != null) {
			return target;
		}
		String path = request.getRequestURI();
		int session = path.lastIndexOf(SESSION_SEGMENT);
		if (session < 0 || session + SESSION_SEGMENT.length() >= path.length()) {
			return null;
		}
		String userId = path.substring(session + SESSION_SEGMENT.length());
		return (userId.indexOf('/') < 0) ? URLDecoder.decode(userId, StandardCharsets.UTF_8) : null;
	}

}
