package dev.authwatch.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthMethod;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.support.MutableClock;
import dev.authwatch.websocket.ConnectionRegistry;
import dev.authwatch.websocket.RevocationBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a per-user revocation draws its line, given that {@code iat} has whole seconds.
 */
class RevocationsTest {

	private static final Instant MID_SECOND = Instant.parse("2030-01-01T00:00:10.500Z");

	private static final Instant NEXT_SECOND = Instant.parse("2030-01-01T00:00:11Z");

	private final MutableClock clock = new MutableClock(MID_SECOND);

	private final UserRevocationsOnly store = new UserRevocationsOnly();

	private final Revocations revocations = new Revocations(
			this.store, new ConnectionRegistry(new SimpleMeterRegistry(),
					new AuthEventLog(10, new UserKeys(), this.clock), RevocationBus.LOCAL),
			Duration.ofDays(30), this.clock);

	@Test
	void everythingIssuedInTheSecondOfTheRevocationIsVoidAndTheCallReturnsOnceTheNextSecondBegins() {
		long start = System.nanoTime();

		this.revocations.revokeUser("alice");

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
		assertThat(this.store.revokedBefore.get("alice")).isEqualTo(NEXT_SECOND);
		assertThat(reason(issuedAt(MID_SECOND.minusSeconds(60)))).isEqualTo(FailureReason.REVOKED);
		assertThat(reason(issuedAt(Instant.parse("2030-01-01T00:00:10Z")))).as("same second, just before")
			.isEqualTo(FailureReason.REVOKED);
		assertThat(reason(issuedAt(Instant.parse("2030-01-01T00:00:10.900Z"))))
			.as("a session created just after, same second")
			.isEqualTo(FailureReason.REVOKED);
		assertThat(reason(issuedAt(NEXT_SECOND))).as("issued once the call returned").isNull();
	}

	@Test
	void aCredentialOfUnknownAgeIsVoidWhileItsUserHasARevocationOnRecord() {
		assertThat(reason(issuedAt(null))).isNull();

		this.revocations.revokeUser("alice");

		assertThat(reason(issuedAt(null))).isEqualTo(FailureReason.REVOKED);
	}

	@Test
	void otherUsersAreNotTouched() {
		this.revocations.revokeUser("alice");

		AuthenticatedPrincipal bob = new AuthenticatedPrincipal("bob", Set.of("user"), AuthMethod.JWT,
				NEXT_SECOND.plusSeconds(60), null, MID_SECOND.minusSeconds(60));
		assertThat(this.revocations.atHandshake(bob)).isNull();
	}

	private static AuthenticatedPrincipal issuedAt(@Nullable Instant issuedAt) {
		return new AuthenticatedPrincipal("alice", Set.of("user"), AuthMethod.JWT, NEXT_SECOND.plusSeconds(600), null,
				issuedAt);
	}

	private @Nullable FailureReason reason(AuthenticatedPrincipal principal) {
		AuthDecision.Rejected handshake = this.revocations.atHandshake(principal);
		AuthDecision.Rejected current = this.revocations.current(principal);
		assertThat(handshake).isEqualTo(current);
		return (current != null) ? current.reason() : null;
	}

	/** Only what a credential without a family needs: per-user revocations. */
	private static final class UserRevocationsOnly implements RefreshFamilyStore {

		final Map<String, Instant> revokedBefore = new ConcurrentHashMap<>();

		@Override
		public void revokeUser(String userId, Instant before, Duration retention) {
			this.revokedBefore.merge(userId, before, (a, b) -> a.isAfter(b) ? a : b);
		}

		@Override
		public Standing standing(@Nullable String familyId, String userId, Instant now) {
			return new Standing(familyId == null, this.revokedBefore.get(userId));
		}

		@Override
		public @Nullable Instant knownUserRevocation(String userId) {
			return this.revokedBefore.get(userId);
		}

		@Override
		public void create(RefreshFamily family, String tokenHash, Instant tokenExpiresAt) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Rotation rotate(String presentedHash, String nextHash, Instant nextExpiresAt, Instant now) {
			throw new UnsupportedOperationException();
		}

		@Override
		public @Nullable RefreshFamily revokeByToken(String tokenHash) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void revoke(String familyId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void changeRoles(String familyId, Set<String> roles) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<String> revokeAllOf(String userId) {
			throw new UnsupportedOperationException();
		}

	}

}
