package dev.authwatch.jwthealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Every instance publishes {@code {service, instance, environment, fingerprint, key ids,
 * checked_at}} under {@code authwatch:jwt:instance:<environment>:<instance>} with a TTL
 * of a few check intervals, and reads the others of its environment. Fingerprints only,
 * never secrets.
 */
public final class RedisFingerprintBoard {

	static final String VIA = "redis";

	static final String KEY_PREFIX = "authwatch:jwt:instance:";

	record InstanceRecord(String service, String instance, String environment, String fingerprint, List<String> keyIds,
			String checkedAt) {
	}

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final InstanceIdentity identity;

	private final Duration ttl;

	/**
	 * @param checkInterval how often the instances check: a record lives for
	 * {@link #recordTtl three}
	 */
	public RedisFingerprintBoard(StringRedisTemplate redis, JsonMapper json, InstanceIdentity identity,
			Duration checkInterval) {
		this.redis = redis;
		this.json = json;
		this.identity = identity;
		this.ttl = recordTtl(checkInterval);
	}

	/**
	 * Three intervals: a record outlives a late check but not a stopped instance for
	 * long.
	 */
	static Duration recordTtl(Duration interval) {
		Duration ttl = interval.multipliedBy(3);
		return (ttl.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : ttl;
	}

	/**
	 * Publishes this instance (when it has a key) and returns what the others published.
	 */
	List<PeerView.Observation> exchange(List<String> keyIds, Instant now) {
		try {
			if (!keyIds.isEmpty()) {
				InstanceRecord own = new InstanceRecord(this.identity.service(), this.identity.instance(),
						this.identity.environment(), keyIds.get(0), keyIds, now.toString());
				this.redis.opsForValue().set(ownKey(), this.json.writeValueAsString(own), this.ttl);
			}
			return others();
		}
		catch (DataAccessException ex) {
			return List
				.of(PeerView.Observation.unknown("redis", VIA, "Redis did not answer, so other instances are unknown"));
		}
	}

	void withdraw() {
		try {
			this.redis.delete(ownKey());
		}
		catch (DataAccessException ex) {
			// The record expires with its TTL anyway.
		}
	}

	private List<PeerView.Observation> others() {
		List<String> keys = new ArrayList<>();
		ScanOptions options = ScanOptions.scanOptions().match(environmentPrefix() + "*").count(500).build();
		try (Cursor<String> cursor = this.redis.scan(options)) {
			cursor.forEachRemaining((key) -> {
				if (!key.equals(ownKey())) {
					keys.add(key);
				}
			});
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		List<String> values = this.redis.opsForValue().multiGet(keys);
		List<PeerView.Observation> observations = new ArrayList<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			if (value == null) {
				continue; // expired between SCAN and MGET: the instance is gone
			}
			try {
				InstanceRecord other = this.json.readValue(value, InstanceRecord.class);
				observations.add(PeerView.Observation.answered(other.service() + "/" + other.instance(), VIA,
						other.fingerprint()));
			}
			catch (JacksonException ex) {
				observations
					.add(PeerView.Observation.unknown("redis", VIA, "an instance record in Redis is unreadable"));
			}
		}
		return observations;
	}

	private String environmentPrefix() {
		return KEY_PREFIX + (this.identity.environment().isEmpty() ? "-" : this.identity.environment()) + ":";
	}

	private String ownKey() {
		return environmentPrefix() + this.identity.instance();
	}

}
