package dev.authwatch.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEvent.Severity;
import dev.authwatch.events.AuthEvent.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthEventLogTest {

	private final AuthEventLog log = new AuthEventLog(10, new UserKeys(), Clock.systemUTC());

	@Test
	void keepsTheNewestEventsNewestFirstWhenTheRingWraps() {
		for (int i = 0; i < 25; i++) {
			this.log.publish(Type.AUTH_FAILURE, Severity.WARNING, "jwt", "expired", null);
		}

		List<AuthEvent> recent = this.log.recent(100);

		assertThat(recent).hasSize(10);
		assertThat(recent).extracting(AuthEvent::sequence)
			.containsExactly(25L, 24L, 23L, 22L, 21L, 20L, 19L, 18L, 17L, 16L);
		assertThat(this.log.recent(3)).extracting(AuthEvent::sequence).containsExactly(25L, 24L, 23L);
	}

	@Test
	void usersAppearOnlyAsAStableKeyedReference() {
		this.log.publish(Type.CONNECTED, Severity.INFO, "jwt", null, "alice@example.com");

		AuthEvent event = this.log.recent(1).get(0);

		assertThat(event.userRef()).isNotNull()
			.doesNotContain("alice")
			.isEqualTo(this.log.userRef("alice@example.com"));
		assertThat(event.toString()).doesNotContain("alice");
	}

	@Test
	void subscribersSeeNewEventsUntilTheyUnsubscribe() throws Exception {
		List<AuthEvent> seen = new ArrayList<>();
		AutoCloseable subscription = this.log.subscribe(seen::add);

		this.log.publish(Type.AUTH_SUCCESS, Severity.INFO, "ticket", null, "bob");
		subscription.close();
		this.log.publish(Type.AUTH_SUCCESS, Severity.INFO, "ticket", null, "bob");

		assertThat(seen).singleElement().extracting(AuthEvent::type).isEqualTo(Type.AUTH_SUCCESS);
	}

	@Test
	void aFailingSubscriberIsDroppedWithoutHurtingThePublisher() {
		List<AuthEvent> healthy = new ArrayList<>();
		this.log.subscribe((event) -> {
			throw new IllegalStateException("broken pipe");
		});
		this.log.subscribe(healthy::add);

		this.log.publish(Type.AUTH_SUCCESS, Severity.INFO, "jwt", null, "carol");
		this.log.publish(Type.AUTH_SUCCESS, Severity.INFO, "jwt", null, "carol");

		assertThat(healthy).hasSize(2);
	}

}
