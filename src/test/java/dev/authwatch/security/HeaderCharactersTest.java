package dev.authwatch.security;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regex-free header checks decide exactly as the patterns of Spring Security's
 * StrictHttpFirewall.
 */
class HeaderCharactersTest {

	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointAloneIsJudgedAsTheFirewallPatternsJudgeIt() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + new String(Character.toChars(codePoint)) + "b";
			assertThat(HeaderCharacters.isAllowedName(text)).as("name U+%04X", codePoint)
				.isEqualTo(NAME.matcher(text).matches());
			assertThat(HeaderCharacters.isAllowedValue(text)).as("value U+%04X", codePoint)
				.isEqualTo(VALUE.matcher(text).matches());
		}
	}

	@Test
	void loneSurrogatesAndMixedStringsAreJudgedAsTheFirewallPatternsJudgeThem() {
		SplittableRandom random = new SplittableRandom(42);
		char[] interesting = { 'a', ' ', '~', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', '\u00a0', '\u00e9',
				'\ud83d', '\ude00', '\ud800', '\udfff', '\u0378', '\ufffe', '\u2028' };
		for (int n = 0; n < 200_000; n++) {
			char[] chars = new char[random.nextInt(1, 12)];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
						: (char) random.nextInt(0x10000);
			}
			String text = new String(chars);
			assertThat(HeaderCharacters.isAllowedName(text)).as("name %s", text.chars().boxed().toList())
				.isEqualTo(NAME.matcher(text).matches());
			assertThat(HeaderCharacters.isAllowedValue(text)).as("value %s", text.chars().boxed().toList())
				.isEqualTo(VALUE.matcher(text).matches());
		}
	}

	@Test
	void aLongBearerValueIsAllowedAndAControlCharacterAnywhereIsNot() {
		String token = "Bearer " + "eyJhbGciOiJIUzI1NiJ9.".repeat(20) + "sig";
		assertThat(HeaderCharacters.isAllowedValue(token)).isTrue();
		assertThat(HeaderCharacters.isAllowedValue(token + "\u0085")).isFalse();
		assertThat(HeaderCharacters.isAllowedValue("\u0001" + token)).isFalse();
		assertThat(HeaderCharacters.isAllowedName("Authorization")).isTrue();
		assertThat(HeaderCharacters.isAllowedName("X-\tName")).isFalse();
	}

}
