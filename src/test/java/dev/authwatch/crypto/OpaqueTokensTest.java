package dev.authwatch.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpaqueTokensTest {

	@Test
	void aGeneratedTokenIsWellFormedAndNeverRepeats() {
		String token = OpaqueTokens.generate();
		assertThat(token).hasSize(OpaqueTokens.LENGTH);
		assertThat(OpaqueTokens.isWellFormed(token)).isTrue();
		assertThat(OpaqueTokens.generate()).isNotEqualTo(token);
	}

	@Test
	void aTokenOfAnotherLengthOrAlphabetIsNotWorthLookingUp() {
		String token = OpaqueTokens.generate();
		assertThat(OpaqueTokens.isWellFormed(token.substring(1))).isFalse();
		assertThat(OpaqueTokens.isWellFormed(token.substring(1) + "=")).isFalse();
		assertThat(OpaqueTokens.isWellFormed(token.substring(1) + "é")).isFalse();
	}

	@Test
	void aTokenIsStoredUnderTheBase64UrlOfItsSha256() {
		assertThat(OpaqueTokens.hash("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
		assertThat(Hashes.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
