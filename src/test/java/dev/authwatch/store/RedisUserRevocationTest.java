package dev.authwatch.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.authwatch.crypto.Hashes;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.token.RefreshFamily;
import dev.authwatch.token.RefreshFamilyStore.Credential;
import dev.authwatch.token.RefreshFamilyStore.Standing;
import dev.authwatch.websocket.RevocationBus.Revocation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-user revocations in Redis: hashed keys, the later instant wins, one round trip with
 * the family.
 */
class RedisUserRevocationTest {

	private static final Instant T = Instant.parse("2030-01-01T00:00:10Z");

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private static RedisRefreshFamilyStore store;

	@BeforeAll
	static void connect() {
		connections = RedisTestServer.connectionFactory();
		redis = new StringRedisTemplate(connections);
		store = newStore();
	}

	private static RedisRefreshFamilyStore newStore() {
		return new RedisRefreshFamilyStore(redis, new RedisCalls(CircuitBreaker.ofDefaults("test")),
				new LocalUserRevocations(1000, Clock.systemUTC()));
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Test
	void aUserRevocationIsKeptUnderTheHashOfTheUserIdWithItsRetention() {
		String user = "someone@example.com-" + UUID.randomUUID();

		store.revokeUser(user, T, Duration.ofDays(30));

		String key = RedisRefreshFamilyStore.REVOKED_USER + Hashes.sha256(user);
		assertThat(redis.opsForValue().get(key)).isEqualTo(Long.toString(T.toEpochMilli()));
		assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(30).toSeconds() - 5,
				Duration.ofDays(30).toSeconds());
		assertThat(redis.keys("authwatch:*" + user + "*")).isEmpty();
	}

	@Test
	void theLaterOfTwoRevocationsWinsWhateverTheirOrder() {
		String user = "user-" + UUID.randomUUID();

		store.revokeUser(user, T.plusSeconds(5), Duration.ofDays(1));
		store.revokeUser(user, T, Duration.ofDays(1));

		assertThat(newStore().standing(null, user, T).userRevokedBefore()).isEqualTo(T.plusSeconds(5));
	}

	@Test
	void theStandingTellsTheFamilyAndTheUserInOneAnswer() {
		String user = "user-" + UUID.randomUUID();
		RefreshFamily family = new RefreshFamily(UUID.randomUUID().toString(), user, Set.of("user"),
				Instant.now().plusSeconds(600));
		store.create(family, "token-" + UUID.randomUUID(), Instant.now().plusSeconds(300));

		assertThat(store.standing(family.id(), user, Instant.now())).isEqualTo(new Standing(true, null));
		assertThat(store.standing("no-such-family", user, Instant.now())).isEqualTo(new Standing(false, null));

		store.revokeUser(user, T, Duration.ofDays(1));
		store.revoke(family.id());

		assertThat(store.standing(family.id(), user, Instant.now())).isEqualTo(new Standing(false, T));
		assertThat(store.standing(null, user, Instant.now())).isEqualTo(new Standing(true, T));
	}

	@Test
	void theStandingsOfSeveralCredentialsComeInOneAnswerInTheirOrder() {
		String alice = "user-" + UUID.randomUUID();
		String bob = "user-" + UUID.randomUUID();
		RefreshFamily active = new RefreshFamily(UUID.randomUUID().toString(), alice, Set.of("user"),
				Instant.now().plusSeconds(600));
		RefreshFamily revoked = new RefreshFamily(UUID.randomUUID().toString(), alice, Set.of("user"),
				Instant.now().plusSeconds(600));
		store.create(active, "token-" + UUID.randomUUID(), Instant.now().plusSeconds(300));
		store.create(revoked, "token-" + UUID.randomUUID(), Instant.now().plusSeconds(300));
		store.revoke(revoked.id());
		store.revokeUser(bob, T, Duration.ofDays(1));

		assertThat(newStore().standings(List.of(new Credential(active.id(), alice), new Credential(null, bob),
				new Credential(revoked.id(), alice), new Credential("no-such-family", bob),
				new Credential(null, alice)), Instant.now()))
			.containsExactly(new Standing(true, null), new Standing(true, T), new Standing(false, null),
					new Standing(false, T), new Standing(true, null));
	}

	@Test
	void onlyTheRevocationsMadeOnThisInstanceAreKnownWithoutAskingRedis() {
		String user = "user-" + UUID.randomUUID();

		store.revokeUser(user, T, Duration.ofDays(1));

		assertThat(store.knownUserRevocation(user)).isEqualTo(T);
		assertThat(newStore().knownUserRevocation(user)).isNull();
	}

	@Test
	void aUserRevocationTravelsWithItsInstantAndOldMessagesStillParse() {
		Revocation revocation = new Revocation(Revocation.Kind.USER, "a:user", T);

		assertThat(RedisRevocations.parse(RedisRevocations.format(revocation))).isEqualTo(revocation);
		assertThat(RedisRevocations.parse("FAMILY:f-1")).isEqualTo(new Revocation(Revocation.Kind.FAMILY, "f-1"));
		assertThat(RedisRevocations.parse("USER@not-a-number:a")).isNull();
	}

}
