package dev.authwatch.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.authwatch.support.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisMembershipTest {

	private final LettuceConnectionFactory connections = RedisTestServer.connectionFactory();

	private final StringRedisTemplate redis;

	private final String prefix = "m" + UUID.randomUUID().toString().substring(0, 6) + "-";

	RedisMembershipTest() {
		this.redis = new StringRedisTemplate(this.connections);
	}

	@AfterEach
	void close() {
		this.connections.destroy();
	}

	private InstanceStatus status(String id) {
		return new InstanceStatus(this.prefix + id, "host:8080", "1.0", Instant.parse("2026-11-29T10:00:00Z"),
				Instant.parse("2026-11-29T10:00:05Z"), "healthy", 3, Map.of("redis", "CLOSED"));
	}

	@Test
	void anInstanceThatStopsAnnouncingIsGoneAfterTheGraceAndLeavesTheIndex() {
		RedisMembership membership = new RedisMembership(this.redis, JsonMapper.builder().build(),
				Duration.ofMillis(500));
		membership.announce(status("quiet"));
		assertThat(membership.instances()).filteredOn((status) -> status.id().startsWith(this.prefix))
			.containsExactly(status("quiet"));

		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(membership.instances())
				.noneMatch((status) -> status.id().startsWith(this.prefix)));
		assertThat(this.redis.opsForSet().isMember(RedisMembership.INDEX, this.prefix + "quiet")).isFalse();
	}

	@Test
	void leavingRemovesTheInstanceAtOnce() {
		RedisMembership membership = new RedisMembership(this.redis, JsonMapper.builder().build(),
				Duration.ofMinutes(1));
		membership.announce(status("x"));
		membership.announce(status("y"));

		membership.leave(this.prefix + "x");

		assertThat(membership.instances()).filteredOn((status) -> status.id().startsWith(this.prefix))
			.extracting(InstanceStatus::id)
			.containsExactly(this.prefix + "y");
	}

}
