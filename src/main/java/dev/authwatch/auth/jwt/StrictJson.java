package dev.authwatch.auth.jwt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON objects of a token (its header and its claims) strictly, with Jackson
 * 2's streaming parser: UTF-8 only, one object and nothing after it, duplicate members
 * refused at any depth rather than "last one wins", and every value of the type its
 * member requires. Anything else is {@code malformed}.
 */
final class StrictJson {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private StrictJson() {
	}

	/** A parser of {@code json}, which must be UTF-8. */
	static JsonParser parser(byte[] json) throws IOException {
		// Jackson guesses UTF-16 or UTF-32 from zero bytes among the first four and skips
		// a byte order
		// mark; JSON between systems is UTF-8 without one (RFC 8259 §8.1), so its first
		// two bytes are ASCII.
		if (json.length < 2 || json[0] <= 0 || json[1] <= 0) {
			throw TokenRejectedException.malformed();
		}
		return FACTORY.createParser(json);
	}

	/** Reads the opening brace of the object the JSON must be. */
	static void startObject(JsonParser parser) throws IOException {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw TokenRejectedException.malformed();
		}
	}

	/**
	 * Moves to the value of the object's next member that is not {@code null} (a null
	 * member counts as absent, as it did for jjwt) and returns the member's name;
	 * {@code null} after the closing brace.
	 */
	static @Nullable String nextMember(JsonParser parser) throws IOException {
		for (String name = nextMemberIncludingNull(parser); name != null; name = nextMemberIncludingNull(parser)) {
			if (parser.currentToken() != JsonToken.VALUE_NULL) {
				return name;
			}
		}
		return null;
	}

	/**
	 * Moves to the value of the object's next member, {@code null} or not, and returns
	 * the member's name; {@code null} after the closing brace.
	 */
	static @Nullable String nextMemberIncludingNull(JsonParser parser) throws IOException {
		if (parser.nextToken() != JsonToken.FIELD_NAME) {
			return null;
		}
		String name = parser.currentName();
		parser.nextToken();
		return name;
	}

	/**
	 * Checks that nothing but whitespace follows the object whose closing brace was just
	 * read.
	 */
	static void expectEnd(JsonParser parser) throws IOException {
		if (parser.nextToken() != null) {
			throw TokenRejectedException.malformed();
		}
	}

	/** The current value, which must be a string. */
	static String string(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			throw TokenRejectedException.malformed();
		}
		return parser.getText();
	}

	/** The current value, which must be an array of strings. */
	static List<String> strings(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			throw TokenRejectedException.malformed();
		}
		List<String> values = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			values.add(string(parser));
		}
		return values;
	}

	/** Skips the current value, which must be a string. */
	static void skipString(JsonParser parser) throws IOException {
		string(parser);
	}

	/** Skips the current value, which must be an array of strings. */
	static void skipStrings(JsonParser parser) throws IOException {
		strings(parser);
	}

	/** Skips the current value, which must be an object. */
	static void skipObject(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			throw TokenRejectedException.malformed();
		}
		parser.skipChildren();
	}

	/** Skips the current value, which must be {@code true} or {@code false}. */
	static void skipBoolean(JsonParser parser) {
		if (!parser.currentToken().isBoolean()) {
			throw TokenRejectedException.malformed();
		}
	}

}
