package dev.authwatch.jwthealth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of the JWT configuration. {@link #body()} is exactly the {@code /health/jwt}
 * body: {@code status}, {@code score}, {@code details}, {@code issues}; nothing in it is secret.
 */
public record JwtHealthReport(JwtHealthStatus status, int score, Map<ConfigCheck, Boolean> checks,
		Map<String, Object> details, List<String> issues) {

	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", this.status.code());
		body.put("score", this.score);
		body.put("details", this.details);
		body.put("issues", this.issues);
		return body;
	}

	public boolean unhealthy() {
		return this.status == JwtHealthStatus.UNHEALTHY;
	}

}
