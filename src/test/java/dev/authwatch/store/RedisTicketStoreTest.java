package dev.authwatch.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authwatch.auth.ticket.TicketGrant;
import dev.authwatch.support.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisTicketStoreTest {

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private static RedisTicketStore store;

	private final TicketGrant grant = new TicketGrant("alice", Set.of("user"),
			Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS));

	@BeforeAll
	static void connect() {
		connections = RedisTestServer.connectionFactory();
		redis = new StringRedisTemplate(connections);
		store = new RedisTicketStore(redis, JsonMapper.builder().build());
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@Test
	void savedGrantIsTakenOnceWithEverything() {
		store.save("hash-1", this.grant, Duration.ofSeconds(30));

		assertThat(store.take("hash-1")).contains(this.grant);
		assertThat(store.take("hash-1")).isEmpty();
	}

	@Test
	void ticketsExpireInRedisOnTheirOwn() {
		store.save("hash-short", this.grant, Duration.ofSeconds(1));

		assertThat(redis.getExpire(RedisTicketStore.KEY_PREFIX + "hash-short")).isBetween(0L, 1L);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !Boolean.TRUE.equals(redis.hasKey(RedisTicketStore.KEY_PREFIX + "hash-short")));
		assertThat(store.take("hash-short")).isEmpty();
	}

	@Test
	void ofSixtyConcurrentTakesExactlyOneWins() throws Exception {
		store.save("hash-race", this.grant, Duration.ofSeconds(30));
		ExecutorService pool = Executors.newFixedThreadPool(60);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<TicketGrant>>> takes = new ArrayList<>();
			Callable<Optional<TicketGrant>> take = () -> {
				start.await();
				return store.take("hash-race");
			};
			for (int i = 0; i < 60; i++) {
				takes.add(pool.submit(take));
			}
			start.countDown();
			int winners = 0;
			for (Future<Optional<TicketGrant>> result : takes) {
				winners += result.get().isPresent() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
