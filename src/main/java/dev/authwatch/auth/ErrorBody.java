package dev.authwatch.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The JSON body of every rejection (SPEC §1): a taxonomy code and a sentence, never the credential. */
public record ErrorBody(String error, String message) {

	public static ErrorBody of(FailureReason reason, String message) {
		return new ErrorBody(reason.code(), message);
	}

	/** Answers with this body outside Spring MVC (a filter, a security handler): JSON, never cached. */
	public void write(HttpServletResponse response, int status, JsonMapper json) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.getOutputStream().write(json.writeValueAsBytes(this));
	}

}
