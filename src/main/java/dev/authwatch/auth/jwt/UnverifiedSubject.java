package dev.authwatch.auth.jwt;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code sub} a rejected token claims, without trusting it: only so that the
 * monitor can tell a key mismatch hitting many users (configuration drift) from one
 * client's bad token. Called only after the signature failed, on a token already bounded
 * by {@code max-token-length}.
 */
final class UnverifiedSubject {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_SUBJECT_LENGTH = 256;

	private UnverifiedSubject() {
	}

	static @Nullable String of(String compactJws) {
		int first = compactJws.indexOf('.');
		int second = compactJws.indexOf('.', first + 1);
		if (first < 0 || second < 0) {
			return null;
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(compactJws.substring(first + 1, second));
			JsonNode subject = JSON.readTree(payload).get("sub");
			if (subject == null || !subject.isTextual()) {
				return null;
			}
			String value = subject.textValue();
			return (value.isBlank() || value.length() > MAX_SUBJECT_LENGTH) ? null : value;
		}
		catch (Exception ex) {
			return null;
		}
	}

}
