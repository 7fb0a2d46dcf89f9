package dev.authwatch.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verified-token cache answers only for the exact token it saw pass, and only until
 * it expires.
 */
class VerifiedTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private final AtomicInteger validations = new AtomicInteger();

	@Test
	void aTokenVerifiedBeforeIsNotValidatedAgain() {
		VerifiedTokens verified = new VerifiedTokens(10, Clock.fixed(NOW, ZoneOffset.UTC));
		AuthenticatedPrincipal principal = principal(NOW.plusSeconds(60));

		assertThat(verified.principal(bytes("a.b.c"), counting(principal))).isSameAs(principal);
		assertThat(verified.principal(bytes("a.b.c"), counting(principal))).isSameAs(principal);
		assertThat(this.validations).hasValue(1);
	}

	@Test
	void aTokenDifferingInOneCharacterIsValidated() {
		VerifiedTokens verified = new VerifiedTokens(10, Clock.fixed(NOW, ZoneOffset.UTC));
		verified.principal(bytes("a.b.c"), counting(principal(NOW.plusSeconds(60))));

		verified.principal(bytes("a.b.d"), counting(principal(NOW.plusSeconds(60))));

		assertThat(this.validations).hasValue(2);
	}

	@Test
	void aRejectionIsNotRemembered() {
		VerifiedTokens verified = new VerifiedTokens(10, Clock.fixed(NOW, ZoneOffset.UTC));
		Supplier<AuthenticatedPrincipal> rejecting = () -> {
			this.validations.incrementAndGet();
			throw TokenRejectedException.malformed();
		};

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(TokenRejectedException.class)
				.isThrownBy(() -> verified.principal(bytes("a.b.c"), rejecting))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FailureReason.MALFORMED));
		}
		assertThat(this.validations).hasValue(2);
	}

	@Test
	void aTokenIsValidatedAgainFromItsExpiryOn() {
		MutableClock clock = new MutableClock(NOW);
		VerifiedTokens verified = new VerifiedTokens(10, clock);
		verified.principal(bytes("a.b.c"), counting(principal(NOW.plusSeconds(60))));

		clock.advance(Duration.ofSeconds(60));
		verified.principal(bytes("a.b.c"), counting(principal(NOW.plusSeconds(60))));

		assertThat(this.validations).hasValue(2);
	}

	@Test
	void withoutCapacityEveryTokenIsValidated() {
		VerifiedTokens verified = new VerifiedTokens(0, Clock.fixed(NOW, ZoneOffset.UTC));

		verified.principal(bytes("a.b.c"), counting(principal(NOW.plusSeconds(60))));
		verified.principal(bytes("a.b.c"), counting(principal(NOW.plusSeconds(60))));

		assertThat(this.validations).hasValue(2);
	}

	private Supplier<AuthenticatedPrincipal> counting(AuthenticatedPrincipal principal) {
		return () -> {
			this.validations.incrementAndGet();
			return principal;
		};
	}

	private static AuthenticatedPrincipal principal(Instant expiresAt) {
		return new AuthenticatedPrincipal("alice", Set.of("user"), AuthMethod.JWT, expiresAt);
	}

	private static byte[] bytes(String token) {
		return token.getBytes(StandardCharsets.US_ASCII);
	}

}
