package dev.authwatch.jwthealth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

/**
 * {@code GET /health/jwt}: the latest JWT configuration report, 200 when healthy or degraded, 503
 * when unhealthy. Served by its own handler mapping ahead of actuator's, because actuator would
 * otherwise answer this path as the {@code jwt} component of {@code /health} in its own format.
 */
final class JwtHealthEndpoint implements HttpRequestHandler {

	static final String PATH = "/health/jwt";

	private final JwtHealthMonitor monitor;

	private final JsonMapper json;

	JwtHealthEndpoint(JwtHealthMonitor monitor, JsonMapper json) {
		this.monitor = monitor;
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
		byte[] body = this.json.writeValueAsBytes(report.body());
		response.setStatus(report.unhealthy() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

}
