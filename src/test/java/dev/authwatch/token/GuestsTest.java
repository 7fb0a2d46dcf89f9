package dev.authwatch.token;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Scheduler;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.support.TestJwtProperties;
import dev.authwatch.support.TestSecrets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GuestsTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void aGuestWhoseTokenRunsOutIsCountedExpiredAndAnUpgradedOneIsNot() {
		Guests guests = new Guests(issuer(), new GuestProperties(true, Duration.ofMinutes(10)),
				new AuthMetrics(this.meters), new LifecycleMetrics(this.meters), this.nanos::get,
				Scheduler.disabledScheduler());
		guests.issue();
		guests.issue();

		this.nanos.addAndGet(Duration.ofMinutes(11).toNanos());
		guests.cleanUp();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count("expired")).isEqualTo(2));
		assertThat(count("issued")).isEqualTo(2);
		assertThat(count("upgraded")).isZero();
	}

	private double count(String event) {
		return this.meters.get("auth.guest").tag("event", event).counter().count();
	}

	private static AccessTokenIssuer issuer() {
		JwtProperties properties = TestJwtProperties.withSecrets(TestSecrets.CURRENT, null);
		return new AccessTokenIssuer(JwtKeyRing.of(TestSecrets.bytes(TestSecrets.CURRENT), null), properties,
				Clock.systemUTC());
	}

}
