package dev.authwatch.crypto;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserKeysTest {

	@Test
	void sameUserGetsTheSameKeyUnderOneSecret() {
		UserKeys keys = new UserKeys(new Random(1));

		assertThat(keys.of("alice")).isEqualTo(keys.of("alice")).isNotEqualTo(keys.of("alicf"));
	}

	@Test
	void keysDependOnTheSecret() {
		assertThat(new UserKeys(new Random(1)).of("alice")).isNotEqualTo(new UserKeys(new Random(2)).of("alice"));
	}

	@Test
	void distinctUsersGetDistinctNonZeroKeys() {
		UserKeys keys = new UserKeys(new Random(7));
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			long key = keys.of("user-" + i);
			assertThat(key).isNotEqualTo(UserKeys.NONE);
			seen.add(key);
		}
		assertThat(seen).hasSize(10_000);
		assertThat(keys.of("")).isNotEqualTo(UserKeys.NONE);
	}

	@Test
	void idsThatDifferOnlyInLengthGetDifferentKeys() {
		UserKeys keys = new UserKeys(new Random(3));

		assertThat(keys.of("ab")).isNotEqualTo(keys.of("ab\u0000"));
	}

	@Test
	void aRepeatedOrEqualIdGetsTheSameKeyAndAnotherIdAnotherOne() {
		UserKeys keys = new UserKeys();
		String alice = "alice";
		long first = keys.of(alice);

		assertThat(keys.of(alice)).isEqualTo(first);
		assertThat(keys.of(new String("alice".toCharArray()))).isEqualTo(first);
		assertThat(keys.of("bob")).isNotEqualTo(first);
		assertThat(keys.of(alice)).isEqualTo(first);
	}

}
