package dev.authwatch.admin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authwatch.metrics.Limit;
import dev.authwatch.metrics.LimitMetrics;
import dev.authwatch.ratelimit.ClientKeys;

/**
 * Anonymous admin requests cost nothing to send, and one entry each pushed the admins'
 * own entries out of the audit log. Per interval, each anonymous client (IPv4 address or
 * IPv6 /64) gets its first few entries, and all of them together a few more; the rest of
 * a client's requests become one aggregated entry with their count when the interval
 * ends. Clients beyond the tracked number share one aggregated entry under {@code *}. So
 * anonymous traffic adds a bounded number of entries per interval however much of it
 * there is.
 */
final class AnonymousAuditThrottle {

	static final String OTHER_CLIENTS = "*";

	private final Duration interval;

	private final int perClient;

	private final int perInterval;

	private final int trackedClients;

	private final LimitMetrics limits;

	private final Clock clock;

	private final Map<String, Share> clients = new HashMap<>();

	private Instant intervalEnd;

	private int admitted;

	private static final class Share {

		int admitted;

		int suppressed;

		AuditEntry last;

	}

	AnonymousAuditThrottle(Duration interval, int perClient, int perInterval, int trackedClients, LimitMetrics limits,
			Clock clock) {
		this.interval = interval;
		this.perClient = perClient;
		this.perInterval = perInterval;
		this.trackedClients = trackedClients;
		this.limits = limits;
		this.clock = clock;
		this.intervalEnd = clock.instant().plus(interval);
	}

	/**
	 * @return what to append for this anonymous request: its own entry, aggregates of a
	 * finished interval, both or nothing
	 */
	synchronized List<AuditEntry> admit(AuditEntry entry) {
		List<AuditEntry> append = finishIntervalIfDue();
		String key = ClientKeys.of(entry.clientIp());
		Share share = this.clients.get(key);
		if (share == null) {
			key = (this.clients.size() < this.trackedClients) ? key : OTHER_CLIENTS;
			share = this.clients.computeIfAbsent(key, (k) -> new Share());
		}
		if (share.admitted < this.perClient && this.admitted < this.perInterval) {
			share.admitted++;
			this.admitted++;
			append.add(entry);
		}
		else {
			share.suppressed++;
			share.last = OTHER_CLIENTS.equals(key) ? otherClients(entry) : entry;
			this.limits.record(Limit.ANONYMOUS_ADMIN_AUDIT);
		}
		return append;
	}

	/**
	 * @return the aggregated entries of an interval that has ended (called on a schedule,
	 * so none waits for traffic)
	 */
	synchronized List<AuditEntry> finishIntervalIfDue() {
		Instant now = this.clock.instant();
		List<AuditEntry> aggregated = new ArrayList<>();
		if (now.isBefore(this.intervalEnd)) {
			return aggregated;
		}
		for (Share share : this.clients.values()) {
			if (share.suppressed > 0) {
				aggregated.add(share.last.aggregated(now, share.suppressed));
			}
		}
		this.clients.clear();
		this.admitted = 0;
		this.intervalEnd = now.plus(this.interval);
		return aggregated;
	}

	private static AuditEntry otherClients(AuditEntry entry) {
		return new AuditEntry(entry.at(), entry.who(), entry.method(), entry.path(), entry.target(), OTHER_CLIENTS,
				entry.status());
	}

}
