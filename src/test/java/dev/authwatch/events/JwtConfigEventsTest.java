package dev.authwatch.events;

import java.time.Clock;
import java.time.Instant;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import dev.authwatch.jwthealth.JwtConfigEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class JwtConfigEventsTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withUserConfiguration(EventsConfiguration.class)
		.withBean(UserKeys.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(EventsProperties.class, () -> new EventsProperties(100));

	@Test
	void driftPublishedAsApplicationEventReachesTheEventLogAsAWarning() {
		this.contexts.run((context) -> {
			context.publishEvent(new JwtConfigEvent(JwtConfigEvent.DRIFT, "peer uses key k2", Instant.now()));

			assertThat(context.getBean(AuthEventLog.class).recent(10)).singleElement().satisfies((event) -> {
				assertThat(event.type()).isEqualTo(Type.JWT_CONFIG);
				assertThat(event.reason()).isEqualTo("drift");
				assertThat(event.severity()).isEqualTo(Severity.WARNING);
			});
		});
	}

	@Test
	void rotationReachesTheEventLogAsInformation() {
		this.contexts.run((context) -> {
			context.publishEvent(new JwtConfigEvent(JwtConfigEvent.ROTATION, "key k1 -> k2", Instant.now()));

			assertThat(context.getBean(AuthEventLog.class).recent(10)).singleElement().satisfies((event) -> {
				assertThat(event.reason()).isEqualTo("rotation");
				assertThat(event.severity()).isEqualTo(Severity.INFO);
			});
		});
	}

}
