package dev.authwatch.jwthealth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.FailureReason;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation of the JWT configuration. {@link #body()} is exactly the
 * {@code /health/jwt} body an admin sees: {@code status}, {@code score}, {@code details},
 * {@code issues}; nothing in it is secret, but the key id with the checks would let a
 * guess of the secret be confirmed offline, so a stranger sees {@link #summary()} only.
 */
public record JwtHealthReport(JwtHealthStatus status, int score, Map<ConfigCheck, Boolean> checks,
		Map<String, Object> details, List<String> issues) {

	static final String KEY_ID = "key_id";

	/** In a peer's view: the reason the caller's proof was refused. */
	static final String PEER_PROOF = "peer_proof";

	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", this.status.code());
		body.put("score", this.score);
		body.put("details", this.details);
		body.put("issues", this.issues);
		return body;
	}

	/** What anyone may see: the verdict. */
	public Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("status", this.status.code());
		summary.put("score", this.score);
		return summary;
	}

	/**
	 * The verdict and {@code details} holding only {@code key_id}, or only why a peer's
	 * proof was refused.
	 */
	Map<String, Object> peerView(@Nullable FailureReason refused) {
		Map<String, Object> view = summary();
		view.put("details", (refused != null) ? Map.of(PEER_PROOF, refused.code())
				: Collections.singletonMap(KEY_ID, this.details.get(KEY_ID)));
		return view;
	}

	public boolean unhealthy() {
		return this.status == JwtHealthStatus.UNHEALTHY;
	}

}
