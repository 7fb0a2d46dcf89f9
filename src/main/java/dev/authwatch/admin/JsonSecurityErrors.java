package dev.authwatch.admin;

import java.io.IOException;

import dev.authwatch.auth.ErrorBody;
import dev.authwatch.auth.FailureReason;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The admin API's 401 and 403 answers, as JSON {@link ErrorBody} like every other rejection. A 401
 * names the taxonomy reason ({@code missing_credentials}, {@code expired}, …). A 403 is not an
 * authentication failure, so it is no taxonomy code but {@code forbidden}.
 */
final class JsonSecurityErrors {

	static final String FORBIDDEN = "forbidden";

	private JsonSecurityErrors() {
	}

	static AuthenticationEntryPoint entryPoint(JsonMapper json) {
		return (request, response, ex) -> {
			ErrorBody body = body(ex);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"authwatch\"");
			write(json, response, HttpServletResponse.SC_UNAUTHORIZED, body);
		};
	}

	static AccessDeniedHandler accessDeniedHandler(JsonMapper json) {
		return (request, response, ex) -> write(json, response, HttpServletResponse.SC_FORBIDDEN,
				new ErrorBody(FORBIDDEN, "This endpoint requires the admin role."));
	}

	private static ErrorBody body(AuthenticationException ex) {
		if (ex instanceof AccessTokenRejectedException rejected) {
			return ErrorBody.of(rejected.reason(), rejected.getMessage());
		}
		return ErrorBody.of(FailureReason.MISSING_CREDENTIALS, "Send an admin access token as 'Authorization: Bearer <token>'.");
	}

	private static void write(JsonMapper json, HttpServletResponse response, int status, ErrorBody body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

}
