package dev.authwatch.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * Finds the bearer token of a handshake: the {@code Authorization} header, the
 * {@code Sec-WebSocket-Protocol} pair {@code bearer, <token>} (browsers cannot set
 * headers) or, only when enabled, the {@code access_token} query parameter (it leaks into
 * access logs).
 */
public final class BearerTokenResolver {

	public static final String SUBPROTOCOL = "bearer";

	static final String QUERY_PARAMETER = "access_token";

	private static final String SCHEME = "Bearer ";

	private final boolean allowQueryToken;

	public BearerTokenResolver(boolean allowQueryToken) {
		this.allowQueryToken = allowQueryToken;
	}

	public sealed interface Result {

	}

	public record Absent() implements Result {
	}

	public record Found(String token) implements Result {
	}

	/**
	 * More than one carrier, or a carrier without a token (RFC 6750 §2: exactly one
	 * method).
	 */
	public record Ambiguous(String problem) implements Result {
	}

	private static final Absent ABSENT = new Absent();

	public Result resolve(ServerHttpRequest request) {
		String fromHeader = fromAuthorizationHeader(request.getHeaders());
		String fromSubprotocol = fromSubprotocol(request.getHeaders());
		String fromQuery = this.allowQueryToken ? fromQuery(request) : null;
		int carriers = count(fromHeader) + count(fromSubprotocol) + count(fromQuery);
		if (carriers == 0) {
			return ABSENT;
		}
		if (carriers > 1) {
			return new Ambiguous("The token must be sent in exactly one place (header, subprotocol or query).");
		}
		String token = (fromHeader != null) ? fromHeader : (fromSubprotocol != null) ? fromSubprotocol : fromQuery;
		if (token.isBlank()) {
			return new Ambiguous("The bearer credential is empty.");
		}
		return new Found(token);
	}

	private static int count(@Nullable String value) {
		return (value != null) ? 1 : 0;
	}

	private static @Nullable String fromAuthorizationHeader(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		return authorization.substring(SCHEME.length()).trim();
	}

	private static @Nullable String fromSubprotocol(HttpHeaders headers) {
		List<String> values = headers.get(WebSocketHttpHeaders.SEC_WEBSOCKET_PROTOCOL);
		if (values == null) {
			return null;
		}
		boolean bearerSeen = false;
		for (String value : values) {
			for (String protocol : value.split(",")) {
				String trimmed = protocol.trim();
				if (bearerSeen) {
					return trimmed;
				}
				bearerSeen = SUBPROTOCOL.equalsIgnoreCase(trimmed);
			}
		}
		return bearerSeen ? "" : null;
	}

	private static @Nullable String fromQuery(ServerHttpRequest request) {
		try {
			return QueryParameters.single(request, QUERY_PARAMETER);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
