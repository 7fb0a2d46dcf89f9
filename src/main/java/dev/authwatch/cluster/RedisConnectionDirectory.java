package dev.authwatch.cluster;

import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.authwatch.crypto.Hashes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The connection directory in Redis. A user's connections on every instance are one hash,
 * {@code authwatch:directory:user:<sha256(user)>}, field {@code <instance>/<connection>};
 * each instance also lists its fields in {@code authwatch:directory:instance:<instance>},
 * so that the entries of an instance that stopped announcing can be removed by any
 * survivor.
 */
public final class RedisConnectionDirectory implements ConnectionDirectory {

	static final String USER = "authwatch:directory:user:";

	static final String INSTANCE = "authwatch:directory:instance:";

	static final String INSTANCES = "authwatch:directory:instances";

	/**
	 * The most entries one pipeline writes or removes: two commands each, a few
	 * milliseconds of Redis.
	 */
	static final int CHUNK = 500;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Membership membership;

	private final String self;

	public RedisConnectionDirectory(StringRedisTemplate redis, JsonMapper json, Membership membership, String self) {
		this.redis = redis;
		this.json = json;
		this.membership = membership;
		this.self = self;
	}

	@Override
	public List<DirectoryEntry> elsewhere(String userId) {
		Set<String> live = this.membership.instances().stream().map(InstanceStatus::id).collect(Collectors.toSet());
		List<DirectoryEntry> entries = new ArrayList<>();
		for (Object value : this.redis.opsForHash().values(USER + Hashes.sha256(userId))) {
			DirectoryEntry entry = this.json.readValue((String) value, DirectoryEntry.class);
			// A dead instance's entries stay until a survivor sweeps them; they are not
			// connections.
			if (!entry.instance().equals(this.self) && live.contains(entry.instance())) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/**
	 * Writes changes to this instance's entries, {@link #CHUNK} per pipelined round trip,
	 * and hands each chunk to {@code written} once Redis has it; a failure ends the call.
	 */
	void update(List<Change> changes, Consumer<List<Change>> written) {
		String instanceKey = INSTANCE + this.self;
		inChunks(changes, (operations, chunk) -> {
			operations.opsForSet().add(INSTANCES, this.self);
			for (Change change : chunk) {
				UserEntry entry = change.entry();
				String member = entry.userKey() + " " + entry.field();
				if (change.removed()) {
					operations.opsForHash().delete(USER + entry.userKey(), entry.field());
					operations.opsForSet().remove(instanceKey, member);
				}
				else {
					operations.opsForHash()
						.put(USER + entry.userKey(), entry.field(), this.json.writeValueAsString(entry.entry()));
					operations.opsForSet().add(instanceKey, member);
				}
			}
		}, written);
	}

	/**
	 * Removes the entries of every instance that is no longer a member (and this one's,
	 * on a clean stop).
	 */
	void sweep(Set<String> liveInstances) {
		Set<String> listed = this.redis.opsForSet().members(INSTANCES);
		if (listed == null) {
			return;
		}
		for (String instance : listed) {
			if (!liveInstances.contains(instance)) {
				forget(instance);
			}
		}
	}

	void forget(String instance) {
		Set<String> members = this.redis.opsForSet().members(INSTANCE + instance);
		inChunks((members != null) ? List.copyOf(members) : List.<String>of(), (operations, chunk) -> {
			for (String member : chunk) {
				int space = member.indexOf(' ');
				operations.opsForHash().delete(USER + member.substring(0, space), member.substring(space + 1));
			}
		}, (done) -> {
		});
		this.redis.delete(INSTANCE + instance);
		this.redis.opsForSet().remove(INSTANCES, instance);
	}

	/**
	 * One pipelined round trip per {@link #CHUNK} items: one pipeline of a whole round
	 * (19,000 changes after a heartbeat at full size) held the Redis client's event loop
	 * long enough to time out other commands and open the Redis breaker
	 * (docs/benchmarks.md, idle connections).
	 */
	private <T> void inChunks(List<T> items, BiConsumer<RedisOperations<String, String>, List<T>> commands,
			Consumer<List<T>> done) {
		for (int from = 0; from < items.size(); from += CHUNK) {
			List<T> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
			this.redis.executePipelined(new SessionCallback<Object>() {

				@Override
				@SuppressWarnings("unchecked")
				public <K, V> Object execute(RedisOperations<K, V> operations) {
					commands.accept((RedisOperations<String, String>) operations, chunk);
					return null;
				}

			});
			done.accept(chunk);
		}
	}

	/** A change to one of this instance's connections: its entry written, or removed. */
	record Change(String connectionId, UserEntry entry, boolean removed) {
	}

	/** A directory entry with where it is kept. */
	record UserEntry(String userKey, String field, DirectoryEntry entry) {

		static UserEntry of(String userId, DirectoryEntry entry) {
			return new UserEntry(Hashes.sha256(userId), entry.instance() + "/" + entry.connectionId(), entry);
		}

	}

}
