package dev.authwatch.monitor;

import java.time.Clock;
import java.time.Duration;

import dev.authwatch.auth.FailureReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthLevelWatcherTest {

	private final AuthenticationMonitor monitor = new AuthenticationMonitor(Clock.systemUTC(), Duration.ofMinutes(5),
			100);

	private final HealthLevelWatcher watcher = new HealthLevelWatcher(
			new AuthHealthEvaluator(this.monitor, null,
					new MonitorProperties(true, Duration.ofMinutes(5), 100, Duration.ofSeconds(30))),
			Duration.ofSeconds(30));

	@Test
	void eachCheckReassessesTheWindow() {
		assertThat(this.watcher.check()).isEqualTo(HealthLevel.UNKNOWN);

		this.monitor.onAttempt(Attempts.success(Duration.ofMillis(3)));
		assertThat(this.watcher.check()).isEqualTo(HealthLevel.HEALTHY);

		for (int i = 0; i < 2; i++) {
			this.monitor.onAttempt(Attempts.failure(FailureReason.INTERNAL, Duration.ofMillis(3)));
		}
		assertThat(this.watcher.check()).isEqualTo(HealthLevel.CRITICAL);
	}

}
