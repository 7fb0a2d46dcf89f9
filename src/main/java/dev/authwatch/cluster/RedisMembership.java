package dev.authwatch.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Membership in Redis: each instance writes its status under a key of its own that
 * expires after the grace period, and adds its id to an index set. An instance that stops
 * announcing disappears when its key expires; readers drop its id from the index.
 */
public final class RedisMembership implements Membership {

	static final String INDEX = "authwatch:cluster:instances";

	static final String INSTANCE = "authwatch:cluster:instance:";

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration grace;

	public RedisMembership(StringRedisTemplate redis, JsonMapper json, Duration grace) {
		this.redis = redis;
		this.json = json;
		this.grace = grace;
	}

	@Override
	public void announce(InstanceStatus status) {
		this.redis.opsForValue().set(INSTANCE + status.id(), this.json.writeValueAsString(status), this.grace);
		this.redis.opsForSet().add(INDEX, status.id());
	}

	@Override
	public List<InstanceStatus> instances() {
		Set<String> ids = this.redis.opsForSet().members(INDEX);
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<String> ordered = ids.stream().sorted().toList();
		List<String> values = this.redis.opsForValue().multiGet(ordered.stream().map((id) -> INSTANCE + id).toList());
		List<InstanceStatus> instances = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			String value = (values != null) ? values.get(i) : null;
			if (value != null) {
				instances.add(this.json.readValue(value, InstanceStatus.class));
			}
			else {
				this.redis.opsForSet().remove(INDEX, ordered.get(i));
			}
		}
		instances.sort(Comparator.comparing(InstanceStatus::id));
		return instances;
	}

	@Override
	public void leave(String instanceId) {
		this.redis.delete(INSTANCE + instanceId);
		this.redis.opsForSet().remove(INDEX, instanceId);
	}

}
