package dev.authwatch.admin;

import dev.authwatch.auth.FailureReason;
import dev.authwatch.errors.ErrorBody;
import dev.authwatch.errors.ErrorResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The admin API's 401 and 403 answers, as JSON {@link ErrorBody} like every other
 * rejection. A 401 names the taxonomy reason ({@code missing_credentials},
 * {@code expired}, …). A 403 is not an authentication failure, so it is no taxonomy code
 * but {@code forbidden}.
 */
final class JsonSecurityErrors {

	static final String FORBIDDEN = "forbidden";

	private JsonSecurityErrors() {
	}

	static AuthenticationEntryPoint entryPoint(JsonMapper json) {
		return (request, response, ex) -> ErrorResponses.write(response, HttpStatus.UNAUTHORIZED, body(ex), json);
	}

	static AccessDeniedHandler accessDeniedHandler(JsonMapper json) {
		return (request, response, ex) -> ErrorResponses.write(response, HttpStatus.FORBIDDEN,
				new ErrorBody(FORBIDDEN, "This endpoint requires the admin role."), json);
	}

	private static ErrorBody body(AuthenticationException ex) {
		if (ex instanceof AccessTokenRejectedException rejected) {
			return ErrorBody.of(rejected.reason(), rejected.getMessage());
		}
		return ErrorBody.of(FailureReason.MISSING_CREDENTIALS,
				"Send an admin access token as 'Authorization: Bearer <token>'.");
	}

}
