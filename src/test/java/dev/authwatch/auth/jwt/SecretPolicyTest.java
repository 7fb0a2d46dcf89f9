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
	@ValueSource(strings = { "01234567890123456789012345678901", "my-super-secret-jwt-key-for-authwatch-2026",
			"test-secret-current-0123456789abcdefghijkl", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
			"qwertyuiopasdfghjklzxcvbnm-qwertyuiopasdfghjklzxcvbnm", "Production-JWT-Signing-Key-For-The-API-Server" })
	void secretsWrittenByHandFailTheFormatAsGuessable(String secret) {
		SecretPolicy.Assessment assessment = assess(secret);

		assertThat(assessment.lengthValid()).isTrue();
		assertThat(assessment.problems()).singleElement()
			.asString()
			.startsWith("it looks guessable, made of words, sequences or repetitions (about ")
			.endsWith(" bits by estimate; 112 needed)");
	}

	@Test
	void randomSecretsOfTheShortestKindsPass() {
		java.security.SecureRandom random = new java.security.SecureRandom();
		for (int i = 0; i < 2_000; i++) {
			byte[] bytes = new byte[24];
			random.nextBytes(bytes);
			String base64 = java.util.Base64.getEncoder().encodeToString(bytes);
			String base64url = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] { bytes[0] })
					+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

			assertThat(assess(base64).acceptable()).as(base64).isTrue();
			assertThat(assess(base64url).acceptable()).as(base64url).isTrue();
		}
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
