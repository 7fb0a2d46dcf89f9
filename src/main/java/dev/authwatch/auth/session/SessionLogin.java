package dev.authwatch.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.crypto.OpaqueTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Starts and ends login sessions, and guards cookie-authenticated REST calls with the
 * session's synchronizer CSRF token (sent back in {@code X-CSRF-Token}); every CSRF
 * failure is answered 403 {@code csrf} and counted.
 */
public final class SessionLogin {

	/**
	 * Starts a fresh session (never reusing one the client brought: no fixation) and
	 * returns its CSRF token.
	 */
	public String start(HttpServletRequest request, String userId, Collection<String> roles, String familyId) {
		HttpSession previous = request.getSession(false);
		if (previous != null) {
			previous.invalidate();
		}
		HttpSession session = request.getSession(true);
		String csrf = OpaqueTokens.generate();
		session.setAttribute(SessionAttributes.USER, userId);
		session.setAttribute(SessionAttributes.ROLES, String.join(",", roles));
		session.setAttribute(SessionAttributes.FAMILY, familyId);
		session.setAttribute(SessionAttributes.CSRF, csrf);
		return csrf;
	}

	/**
	 * Ends the session of a cookie-authenticated call after checking its CSRF token.
	 * @return the refresh-token family the session belonged to
	 */
	public String logout(HttpServletRequest request) {
		HttpSession session = verified(request);
		String family = (String) session.getAttribute(SessionAttributes.FAMILY);
		session.invalidate();
		return family;
	}

	/** The session's CSRF token, for a page that reloaded and lost it. */
	public String csrfToken(HttpServletRequest request) {
		return (String) live(request).getAttribute(SessionAttributes.CSRF);
	}

	private HttpSession verified(HttpServletRequest request) {
		HttpSession session = live(request);
		String expected = (String) session.getAttribute(SessionAttributes.CSRF);
		String presented = request.getHeader(SessionAttributes.CSRF_HEADER);
		if (expected == null || presented == null || !constantTimeEquals(expected, presented)) {
			throw new AuthRejectedException(FailureReason.CSRF,
					"Cookie-authenticated calls must send the session's CSRF token in " + SessionAttributes.CSRF_HEADER
							+ ".");
		}
		return session;
	}

	private static HttpSession live(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(SessionAttributes.USER) == null) {
			throw new AuthRejectedException(FailureReason.SESSION_INVALID);
		}
		return session;
	}

	private static boolean constantTimeEquals(String a, @Nullable String b) {
		return b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
