package dev.authwatch.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;

/** Reads a single query parameter without building a map of all of them. */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * @return the decoded value of the first occurrence of {@code name}, or {@code null}
	 * @throws IllegalArgumentException when the parameter occurs more than once
	 */
	public static @Nullable String single(ServerHttpRequest request, String name) {
		String query = request.getURI().getRawQuery();
		if (query == null) {
			return null;
		}
		String found = null;
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String key = (eq < 0) ? pair : pair.substring(0, eq);
			if (key.equals(name)) {
				if (found != null) {
					throw new IllegalArgumentException("query parameter '" + name + "' given more than once");
				}
				found = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return found;
	}

}
