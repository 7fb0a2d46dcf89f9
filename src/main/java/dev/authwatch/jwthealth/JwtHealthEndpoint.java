package dev.authwatch.jwthealth;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

/**
 * {@code GET /health/jwt}: the latest JWT configuration report, 200 when healthy or
 * degraded, 503 when unhealthy. The full report goes to the callers {@code /health} shows
 * details to ({@code management.endpoint.health.show-details} and {@code roles}: an admin
 * token by default); a peer presenting a {@link PeerProof} gets the key id; anyone else
 * the status and score. Served by its own handler mapping ahead of actuator's, because
 * actuator would otherwise answer this path as the {@code jwt} component of
 * {@code /health} in its own format.
 */
final class JwtHealthEndpoint implements HttpRequestHandler {

	static final String PATH = "/health/jwt";

	private final JwtHealthMonitor monitor;

	private final PeerProof peerProof;

	private final Show showDetails;

	private final Set<String> roles;

	private final JsonMapper json;

	JwtHealthEndpoint(JwtHealthMonitor monitor, PeerProof peerProof, Show showDetails, Set<String> roles,
			JsonMapper json) {
		this.monitor = monitor;
		this.peerProof = peerProof;
		this.showDetails = showDetails;
		this.roles = Set.copyOf(roles);
		this.json = json;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean head = HttpMethod.HEAD.matches(request.getMethod());
		if (!HttpMethod.GET.matches(request.getMethod()) && !head) {
			response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		JwtHealthReport report = this.monitor.report();
		byte[] body = this.json.writeValueAsBytes(view(report, request));
		response.setStatus(report.unhealthy() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	private Map<String, Object> view(JwtHealthReport report, HttpServletRequest request) {
		if (this.showDetails.isShown(new RequestSecurityContext(request), this.roles)) {
			return report.body();
		}
		String proof = request.getHeader(PeerProof.HEADER);
		return (proof != null) ? report.peerView(this.peerProof.check(proof)) : report.summary();
	}

	/** Actuator's view of the caller, from the request Spring Security has wrapped. */
	private record RequestSecurityContext(HttpServletRequest request) implements SecurityContext {

		@Override
		public @Nullable Principal getPrincipal() {
			return this.request.getUserPrincipal();
		}

		@Override
		public boolean isUserInRole(String role) {
			return this.request.isUserInRole(role);
		}

	}

}
