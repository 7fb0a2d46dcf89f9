package dev.authwatch.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import java.util.Set;
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

	/** Writes changes of this instance's entries in one round trip. */
	void update(Collection<UserEntry> upserts, Collection<UserEntry> removals) {
		String instanceKey = INSTANCE + this.self;
		this.redis.executePipelined(new SessionCallback<Object>() {

			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public Object execute(RedisOperations operations) {
				operations.opsForSet().add(INSTANCES, RedisConnectionDirectory.this.self);
				for (UserEntry upsert : upserts) {
					operations.opsForHash()
						.put(USER + upsert.userKey(), upsert.field(),
								RedisConnectionDirectory.this.json.writeValueAsString(upsert.entry()));
					operations.opsForSet().add(instanceKey, upsert.userKey() + " " + upsert.field());
				}
				for (UserEntry removal : removals) {
					operations.opsForHash().delete(USER + removal.userKey(), removal.field());
					operations.opsForSet().remove(instanceKey, removal.userKey() + " " + removal.field());
				}
				return null;
			}

		});
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
		List<String> fields = (members != null) ? List.copyOf(members) : List.of();
		for (int from = 0; from < fields.size(); from += CHUNK) {
			List<String> chunk = fields.subList(from, Math.min(fields.size(), from + CHUNK));
			this.redis.executePipelined(new SessionCallback<Object>() {

				@Override
				@SuppressWarnings({ "unchecked", "rawtypes" })
				public Object execute(RedisOperations operations) {
					for (String member : chunk) {
						int space = member.indexOf(' ');
						operations.opsForHash().delete(USER + member.substring(0, space), member.substring(space + 1));
					}
					return null;
				}

			});
		}
		this.redis.delete(INSTANCE + instance);
		this.redis.opsForSet().remove(INSTANCES, instance);
	}

	/** A directory entry with where it is kept. */
	record UserEntry(String userKey, String field, DirectoryEntry entry) {

		static UserEntry of(String userId, DirectoryEntry entry) {
			return new UserEntry(Hashes.sha256(userId), entry.instance() + "/" + entry.connectionId(), entry);
		}

	}

}
