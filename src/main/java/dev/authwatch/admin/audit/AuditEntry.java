package dev.authwatch.admin.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One admin request, as the audit log keeps it.
 *
 * @param at when the request finished
 * @param who the caller: the admin token's subject, or {@code anonymous} when no valid
 * token came
 * @param method HTTP method
 * @param path request path (no query string: nothing secret travels there, but nothing
 * needs it)
 * @param target the user the request acted on, when it names one
 * @param clientIp the client address as the server sees it (behind a trusted proxy, the
 * forwarded one)
 * @param status the HTTP status answered
 * @param count how many requests the entry stands for: 1, or for an anonymous client's
 * requests beyond its share of an interval, how many there were (the entry shows the last
 * of them)
 */
public record AuditEntry(Instant at, String who, String method, String path, @Nullable String target,
		@JsonProperty("client_ip") String clientIp, int status, int count) {

	public static final String ANONYMOUS = "anonymous";

	public AuditEntry(Instant at, String who, String method, String path, @Nullable String target, String clientIp,
			int status) {
		this(at, who, method, path, target, clientIp, status, 1);
	}

	boolean isAnonymous() {
		return ANONYMOUS.equals(this.who);
	}

	/** This entry standing for {@code count} requests, as of {@code at}. */
	AuditEntry aggregated(Instant at, int count) {
		return new AuditEntry(at, this.who, this.method, this.path, this.target, this.clientIp, this.status, count);
	}

	/** {@code GET /api/admin/…}: what the caller did. */
	public String action() {
		return this.method + " " + this.path;
	}

	public String outcome() {
		return (this.status < 400) ? "allowed" : (this.status == 401 || this.status == 403) ? "denied" : "failed";
	}

}
