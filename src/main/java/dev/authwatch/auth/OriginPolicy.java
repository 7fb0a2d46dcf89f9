package dev.authwatch.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Cross-site WebSocket hijacking protection: a browser handshake must come from a listed origin.
 * A request without {@code Origin} (a non-browser client) passes unless origins are required.
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

	public boolean allows(@Nullable String origin) {
		if (origin == null || origin.isEmpty()) {
			return !this.requireOrigin;
		}
		return this.allowedOrigins.contains("*") || this.allowedOrigins.contains(normalize(origin));
	}

	/**
	 * For credentials the browser attaches on its own (cookies): the origin must be present and
	 * listed by name; a {@code *} entry does not admit it (cross-site WebSocket hijacking).
	 */
	public boolean allowsCredentialed(@Nullable String origin) {
		return origin != null && !origin.isEmpty() && this.allowedOrigins.contains(normalize(origin));
	}

	private static String normalize(String origin) {
		String trimmed = origin.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
