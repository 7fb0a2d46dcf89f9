package dev.authwatch.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.authwatch.cluster.RedisConnectionDirectory.Change;
import dev.authwatch.cluster.RedisConnectionDirectory.UserEntry;
import dev.authwatch.support.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RedisConnectionDirectoryTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LettuceConnectionFactory connections = RedisTestServer.connectionFactory();

	private final StringRedisTemplate redis;

	private final String prefix = "r" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private final RedisMembership membership;

	RedisConnectionDirectoryTest() {
		this.redis = new StringRedisTemplate(this.connections);
		this.membership = new RedisMembership(this.redis, JSON, Duration.ofMinutes(1));
	}

	@AfterEach
	void close() {
		this.connections.destroy();
	}

	private RedisConnectionDirectory directoryOf(String instance) {
		this.membership.announce(new InstanceStatus(this.prefix + instance, "h:1", "1", Instant.EPOCH, Instant.EPOCH,
				"healthy", 1, Map.of()));
		return new RedisConnectionDirectory(this.redis, JSON, this.membership, this.prefix + instance);
	}

	private UserEntry entry(String instance, String connection, String user) {
		return UserEntry.of(user, new DirectoryEntry(this.prefix + instance, connection, "jwt", Set.of("user"),
				Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T10:15:00Z"), null, "127.0.0.1"));
	}

	@Test
	void anInstanceSeesOtherInstancesEntriesOfTheUserButNotItsOwn() {
		String user = this.prefix + "alice";
		RedisConnectionDirectory a = directoryOf("a");
		RedisConnectionDirectory b = directoryOf("b");
		write(a, entry("a", "c1", user));
		write(b, entry("b", "c2", user), entry("b", "c3", this.prefix + "bob"));

		assertThat(a.elsewhere(user)).extracting(DirectoryEntry::connectionId).containsExactly("c2");
		assertThat(b.elsewhere(user)).extracting(DirectoryEntry::connectionId).containsExactly("c1");

		remove(b, entry("b", "c2", user));
		assertThat(a.elsewhere(user)).isEmpty();
	}

	@Test
	void aDeadInstancesEntriesAreHiddenAtOnceAndSweptByASurvivor() {
		String user = this.prefix + "carol";
		RedisConnectionDirectory survivor = directoryOf("survivor");
		RedisConnectionDirectory dead = directoryOf("dead");
		write(dead, entry("dead", "c9", user));
		this.membership.leave(this.prefix + "dead");

		assertThat(survivor.elsewhere(user)).isEmpty();

		survivor.sweep(Set.of(this.prefix + "survivor"));
		assertThat(this.redis.opsForHash()
			.entries(RedisConnectionDirectory.USER + UserEntry.of(user, entry("dead", "c9", user).entry()).userKey()))
			.isEmpty();
		assertThat(this.redis.opsForSet().isMember(RedisConnectionDirectory.INSTANCES, this.prefix + "dead")).isFalse();
	}

	@Test
	void writesAndForgetsInPipelinesOfAtMostAChunk() {
		RedisConnectionDirectory gone = directoryOf("gone");
		int count = RedisConnectionDirectory.CHUNK * 2 + 7;
		List<UserEntry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(entry("gone", "c" + i, this.prefix + "user" + i));
		}
		List<Integer> chunks = new ArrayList<>();
		gone.update(entries.stream().map((entry) -> new Change(entry.field(), entry, false)).toList(),
				(done) -> chunks.add(done.size()));
		assertThat(chunks).as("each pipeline reported once Redis has it").containsExactly(500, 500, 7);
		assertThat(this.redis.opsForSet().size(RedisConnectionDirectory.INSTANCE + this.prefix + "gone"))
			.isEqualTo(count);

		gone.forget(this.prefix + "gone");

		assertThat(entries).allSatisfy((entry) -> assertThat(
				this.redis.opsForHash().hasKey(RedisConnectionDirectory.USER + entry.userKey(), entry.field()))
			.isFalse());
		assertThat(this.redis.hasKey(RedisConnectionDirectory.INSTANCE + this.prefix + "gone")).isFalse();
	}

	private static void write(RedisConnectionDirectory directory, UserEntry... entries) {
		directory.update(Arrays.stream(entries).map((entry) -> new Change(entry.field(), entry, false)).toList(),
				(done) -> {
				});
	}

	private static void remove(RedisConnectionDirectory directory, UserEntry entry) {
		directory.update(List.of(new Change(entry.field(), entry, true)), (done) -> {
		});
	}

}
