package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Strict base64url: exactly the unpadded encodings the JDK's encoder produces decode. */
class Base64UrlTest {

	@Test
	void decodesWhatTheJdkEncodesForEveryTailLength() {
		Random random = new Random(42);
		for (int length = 0; length < 200; length++) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);

			assertThat(Base64Url.decode(encoded, 0, encoded.length)).as("length %d", length).isEqualTo(bytes);
		}
	}

	@Test
	void decodesARangeOfALargerArray() {
		byte[] token = "xx.aGVsbG8.yy".getBytes(StandardCharsets.US_ASCII);

		assertThat(Base64Url.decode(token, 3, 10)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void refusesPaddingAndCharactersOutsideTheAlphabet() {
		for (String encoded : new String[] { "aGVsbG8=", "aGVs+G8", "aGVs/G8", "aGV sbG8", "aGVs?G8", "aGVsbG8.",
				"aGVsbG\u00e9" }) {
			byte[] ascii = encoded.getBytes(StandardCharsets.US_ASCII);

			assertThat(Base64Url.decode(ascii, 0, ascii.length)).as(encoded).isNull();
			assertThat(Base64Url.isAlphabet(ascii, 0, ascii.length)).as(encoded).isFalse();
		}
	}

	@Test
	void refusesADanglingCharacterAndStrayBits() {
		// "aGVsbG8" is "hello"; its last character carries 2 unused bits, "aGVsbA" 4.
		for (String encoded : new String[] { "aGVsbG8AB", "aGVsbG9", "aGVsbG-", "aGVsbB", "aGVsbP", "Q" }) {
			byte[] ascii = encoded.getBytes(StandardCharsets.US_ASCII);

			assertThat(Base64Url.decode(ascii, 0, ascii.length)).as(encoded).isNull();
			assertThat(Base64Url.isAlphabet(ascii, 0, ascii.length)).as(encoded).isTrue();
		}
	}

}
