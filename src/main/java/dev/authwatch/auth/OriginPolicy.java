package dev.authwatch.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Cross-site WebSocket hijacking protection: a browser handshake must come from the
 * service's own origin (a page it serves itself, such as the chat page) or a listed one.
 * A request without {@code Origin} (a non-browser client) passes unless origins are
 * required. The own origin is the scheme, host and port of the request as the service
 * sees it, after trusted proxies; a cross-site page cannot make its visitor's browser
 * send it, which is why Spring's own origin check admits it too.
 */
public final class OriginPolicy {

	private final Set<String> allowedOrigins;

	private final boolean requireOrigin;

	public OriginPolicy(List<String> allowedOrigins, boolean requireOrigin) {
		this.allowedOrigins = allowedOrigins.stream()
			.map(OriginPolicy::normalize)
			.collect(Collectors.toUnmodifiableSet());
		this.requireOrigin = requireOrigin;
	}

	/**
	 * @param origin the request's {@code Origin} header
	 * @param request the request's URI, for its own origin
	 */
	public boolean allows(@Nullable String origin, URI request) {
		if (origin == null || origin.isEmpty()) {
			return !this.requireOrigin;
		}
		return this.allowedOrigins.contains("*") || this.allowedOrigins.contains(normalize(origin))
				|| isOwnOrigin(origin, request);
	}

	/**
	 * For credentials the browser attaches on its own (cookies): the origin must be
	 * present and be the service's own or listed by name; a {@code *} entry does not
	 * admit it (cross-site WebSocket hijacking).
	 */
	public boolean allowsCredentialed(@Nullable String origin, URI request) {
		return origin != null && !origin.isEmpty()
				&& (this.allowedOrigins.contains(normalize(origin)) || isOwnOrigin(origin, request));
	}

	private static boolean isOwnOrigin(String origin, URI request) {
		URI parsed;
		try {
			parsed = new URI(origin.trim());
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String path = parsed.getRawPath();
		return parsed.getScheme() != null && parsed.getHost() != null && parsed.getRawUserInfo() == null
				&& (path == null || path.isEmpty() || path.equals("/")) && parsed.getRawQuery() == null
				&& parsed.getScheme().equalsIgnoreCase(request.getScheme())
				&& parsed.getHost().equalsIgnoreCase(request.getHost()) && port(parsed) == port(request);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static String normalize(String origin) {
		String trimmed = origin.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
