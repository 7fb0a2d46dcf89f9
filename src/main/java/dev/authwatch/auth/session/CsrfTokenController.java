package dev.authwatch.auth.session;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/auth/csrf}: the CSRF token of the caller's session, for a page that
 * reloaded.
 */
@RestController
class CsrfTokenController {

	private final SessionLogin sessions;

	CsrfTokenController(SessionLogin sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/api/auth/csrf")
	ResponseEntity<Map<String, String>> csrf(HttpServletRequest request) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("csrf_token", this.sessions.csrfToken(request), "header", SessionAttributes.CSRF_HEADER));
	}

}
