package dev.authwatch.store;

import java.time.Duration;

import dev.authwatch.auth.StoreUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RedisBreakerLogTest {

	@Test
	void theBreakerOpeningIsLoggedWithTheLastFailure(CapturedOutput output) {
		CircuitBreaker breaker = CircuitBreaker.of("redis",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(4)
					.minimumNumberOfCalls(4)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofMinutes(1))
					.build());
		new RedisBreakerLog(breaker);
		RedisCalls calls = new RedisCalls(breaker);

		calls.call("a ticket", () -> "ok");
		calls.call("a ticket", () -> "ok");
		assertThat(output).doesNotContain("Redis circuit breaker opened");
		fail(calls, "a session");
		fail(calls, "a refresh family");

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(output).contains("Redis circuit breaker opened (50 % of the last calls failed); "
				+ "the last failure: Redis did not answer: a refresh family (Command timed out after 500 millisecond(s))");
	}

	private static void fail(RedisCalls calls, String what) {
		try {
			calls.call(what, () -> {
				throw new org.springframework.dao.QueryTimeoutException("Command timed out after 500 millisecond(s)");
			});
		}
		catch (StoreUnavailableException expected) {
			// the breaker records it
		}
	}

}
