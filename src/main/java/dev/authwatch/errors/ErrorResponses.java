package dev.authwatch.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServerHttpResponse;

/**
 * The one writer of a rejection: its status, the JSON {@link ErrorBody}, never cached,
 * and on a 401 the {@code Bearer} challenge (RFC 6750) — from a controller advice, a
 * servlet filter or security handler, or the WebSocket handshake alike.
 */
public final class ErrorResponses {

	static final String BEARER_CHALLENGE = "Bearer realm=\"authwatch\"";

	private ErrorResponses() {
	}

	/**
	 * For a controller advice: the response with its headers set; the caller adds any
	 * other and the body.
	 */
	public static ResponseEntity.BodyBuilder status(HttpStatusCode status) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (isUnauthorized(status)) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
		}
		return response;
	}

	/** Outside Spring MVC: a servlet filter, a security handler. */
	public static void write(HttpServletResponse response, HttpStatusCode status, ErrorBody body, JsonMapper json)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (isUnauthorized(status)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
		}
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

	/**
	 * A refused WebSocket handshake (the handshake's own response), or any other server
	 * response.
	 */
	public static void write(ServerHttpResponse response, HttpStatusCode status, ErrorBody body, JsonMapper json)
			throws IOException {
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setCacheControl("no-store");
		if (isUnauthorized(status)) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
		}
		response.getBody().write(json.writeValueAsBytes(body));
	}

	private static boolean isUnauthorized(HttpStatusCode status) {
		return status.value() == HttpStatus.UNAUTHORIZED.value();
	}

}
