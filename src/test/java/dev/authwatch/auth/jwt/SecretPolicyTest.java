package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;

import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretPolicyTest {

	@Test
	void randomLookingSecretOf32BytesOrMoreIsAcceptable() {
		SecretPolicy.Assessment assessment = SecretPolicy.assess(TestSecrets.bytes(TestSecrets.CURRENT));

		assertThat(assessment.acceptable()).isTrue();
		assertThat(assessment.problems()).isEmpty();
	}

	@Test
	void changemeFailsBothLengthAndFormat() {
		SecretPolicy.Assessment assessment = assess("changeme");

		assertThat(assessment.lengthValid()).isFalse();
		assertThat(assessment.formatValid()).isFalse();
		assertThat(assessment.problems()).containsExactly("it is 8 bytes long; HS256 needs at least 32 bytes",
				"it is a known placeholder value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "your-secret-here-your-secret-here-00", "secretsecretsecretsecretsecretsecret",
			"CHANGEME_CHANGEME_CHANGEME_CHANGEME", "please-replace-me-with-a-real-secret!" })
	void longPlaceholdersFailTheFormatOnly(String secret) {
		SecretPolicy.Assessment assessment = assess(secret);

		assertThat(assessment.lengthValid()).isTrue();
		assertThat(assessment.formatValid()).isFalse();
		assertThat(assessment.problems()).containsExactly("it is a known placeholder value");
	}

	@Test
	void singleRepeatedCharacterFailsTheFormat() {
		assertThat(assess("a".repeat(40)).problems()).containsExactly("it is a single repeated character");
	}

	@Test
	void tooFewDistinctBytesFailTheFormat() {
		assertThat(assess("abababababababababababababababab12").problems())
			.containsExactly("it has fewer than 10 distinct bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { " Qx7vT2mLp9Rk4Wz1Nc8Hd5Jf3Gb6Ys0Ua", "\"Qx7vT2mLp9Rk4Wz1Nc8Hd5Jf3Gb6Ys0Ua\"",
			"Qx7vT2mLp9Rk4Wz1Nc8Hd5Jf3Gb6Ys0Ua\n" })
	void surroundingWhitespaceOrQuotesFailTheFormat(String secret) {
		assertThat(assess(secret).problems()).singleElement().asString().contains("whitespace or a quote");
	}

	private static SecretPolicy.Assessment assess(String secret) {
		return SecretPolicy.assess(secret.getBytes(StandardCharsets.UTF_8));
	}

}
