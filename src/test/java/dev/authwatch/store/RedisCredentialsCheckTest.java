package dev.authwatch.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCredentialsCheckTest {

	@Test
	void refusalIsFoundAnywhereInTheCauseChain() {
		RuntimeException wrongPassword = new RedisConnectionFailureException("Unable to connect to Redis",
				new RedisConnectionException("Unable to connect to 127.0.0.1:6379", new RedisCommandExecutionException(
						"WRONGPASS invalid username-password pair or user is disabled.")));

		assertThat(RedisCredentialsCheck.refusal(wrongPassword)).isEqualTo("WRONGPASS");
		assertThat(RedisCredentialsCheck.refusal(new RedisCommandExecutionException("NOAUTH Authentication required.")))
			.isEqualTo("NOAUTH");
	}

	@Test
	void anUnreachableRedisIsNoRefusal() {
		assertThat(RedisCredentialsCheck.refusal(new RedisConnectionFailureException("Unable to connect to Redis",
				new RedisConnectionException("Connection refused: /127.0.0.1:6379"))))
			.isNull();
	}

}
