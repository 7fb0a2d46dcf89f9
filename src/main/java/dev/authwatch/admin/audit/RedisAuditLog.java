package dev.authwatch.admin.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The audit log of every instance in one Redis stream ({@code XADD … MAXLEN ~ capacity}):
 * append-only, shared, trimmed approximately so trimming stays O(1). When Redis is down
 * the entry is still in the structured log line; the failure is logged, the admin request
 * is not failed for it.
 */
public final class RedisAuditLog implements AuditLog {

	static final String KEY = "authwatch:admin:audit";

	private static final Logger logger = LoggerFactory.getLogger(RedisAuditLog.class);

	private final StringRedisTemplate redis;

	private final long capacity;

	public RedisAuditLog(StringRedisTemplate redis, long capacity) {
		this.redis = redis;
		this.capacity = capacity;
	}

	@Override
	public void append(AuditEntry entry) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("at", entry.at().toString());
		fields.put("who", entry.who());
		fields.put("method", entry.method());
		fields.put("path", entry.path());
		fields.put("target", (entry.target() != null) ? entry.target() : "");
		fields.put("client_ip", entry.clientIp());
		fields.put("status", Integer.toString(entry.status()));
		fields.put("count", Integer.toString(entry.count()));
		try {
			this.redis.opsForStream()
				.add(StreamRecords.string(fields).withStreamKey(KEY),
						XAddOptions.maxlen(this.capacity).approximateTrimming(true));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not append to the audit stream {}: {}", KEY, ex.getMessage());
		}
	}

	@Override
	public List<AuditEntry> recent(int limit) {
		List<MapRecord<String, String, String>> records = this.redis.<String, String>opsForStream()
			.reverseRange(KEY, Range.unbounded(), Limit.limit().count(limit));
		return (records != null) ? records.stream().map((record) -> toEntry(record.getValue())).toList() : List.of();
	}

	private static AuditEntry toEntry(Map<String, String> fields) {
		String target = fields.getOrDefault("target", "");
		return new AuditEntry(Instant.parse(fields.get("at")), fields.get("who"), fields.get("method"),
				fields.get("path"), target.isEmpty() ? null : target, fields.get("client_ip"),
				Integer.parseInt(fields.get("status")), Integer.parseInt(fields.getOrDefault("count", "1")));
	}

}
