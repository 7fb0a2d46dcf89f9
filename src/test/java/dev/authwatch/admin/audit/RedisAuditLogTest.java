package dev.authwatch.admin.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.authwatch.support.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAuditLogTest {

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	@BeforeAll
	static void connect() {
		connections = RedisTestServer.connectionFactory();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@BeforeEach
	void emptyStream() {
		redis.delete(RedisAuditLog.KEY);
	}

	@Test
	void entriesAreAppendedToTheStreamAndReadBackNewestFirst() {
		RedisAuditLog log = new RedisAuditLog(redis, 1000);
		AuditEntry first = entry("root", "/api/admin/websocket-auth/session/alice", "alice", 200);
		AuditEntry second = entry("anonymous", "/api/admin/websocket-auth/metrics", null, 401);

		log.append(first);
		log.append(second);

		assertThat(log.recent(10)).containsExactly(second, first);
		assertThat(redis.opsForStream().size(RedisAuditLog.KEY)).isEqualTo(2);
	}

	@Test
	void streamIsTrimmedApproximatelyToItsCapacity() {
		RedisAuditLog log = new RedisAuditLog(redis, 10);

		for (int i = 0; i < 500; i++) {
			log.append(entry("root", "/api/admin/websocket-auth/metrics", null, 200));
		}

		// MAXLEN ~ trims whole radix-tree nodes (100 entries by default), never below the
		// cap.
		assertThat(redis.opsForStream().size(RedisAuditLog.KEY)).isBetween(10L, 200L);
	}

	@Test
	void anUnreachableRedisDoesNotFailTheAdminRequest() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 1));
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			new RedisAuditLog(new StringRedisTemplate(nowhere), 10)
				.append(entry("root", "/api/admin/websocket-auth/audit", null, 200));
		}
		finally {
			nowhere.destroy();
		}
	}

	private static AuditEntry entry(String who, String path, String target, int status) {
		return new AuditEntry(Instant.now().truncatedTo(ChronoUnit.MILLIS), who, "GET", path, target, "127.0.0.1",
				status);
	}

}
