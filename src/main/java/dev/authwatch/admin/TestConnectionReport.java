package dev.authwatch.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /api/admin/websocket-auth/test-connection} found.
 *
 * @param success every step passed
 * @param steps in order: {@code token}, {@code chain:<step>} for each step of the
 * authentication chain, {@code handshake}, {@code welcome}, {@code ping}, {@code close}
 * @param liveConnections the user's other live connections on this instance, with their
 * health
 */
record TestConnectionReport(String userId, boolean success, double totalMs, List<Step> steps,
		List<ConnectionView> liveConnections) {

	/**
	 * @param outcome {@code ok}, {@code failed}, {@code skipped}, or a chain verdict
	 * ({@code allowed}, {@code not_mine}, {@code authenticated}, {@code rejected})
	 * @param reason the taxonomy reason of a rejection
	 * @param detail a human sentence
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Step(String name, String outcome, double millis, @Nullable String reason, @Nullable String detail) {

		boolean failed() {
			return "failed".equals(this.outcome) || "rejected".equals(this.outcome);
		}

	}

}
