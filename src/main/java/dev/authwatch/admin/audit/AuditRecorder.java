package dev.authwatch.admin.audit;

import dev.authwatch.events.AuthEventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Writes audit entries: to the {@link AuditLog} and as one structured line to the
 * {@code dev.authwatch.admin.audit} logger. The line carries the target only as the
 * events' keyed reference, never a token; the audit log itself (admin-only) keeps the
 * target's id. Anonymous entries pass the {@link AnonymousAuditThrottle} first.
 */
public final class AuditRecorder {

	private static final Logger auditLogger = LoggerFactory.getLogger("dev.authwatch.admin.audit");

	private final AuditLog log;

	private final AuthEventLog events;

	private final AnonymousAuditThrottle anonymous;

	AuditRecorder(AuditLog log, AuthEventLog events, AnonymousAuditThrottle anonymous) {
		this.log = log;
		this.events = events;
		this.anonymous = anonymous;
	}

	void record(AuditEntry entry) {
		if (entry.isAnonymous()) {
			this.anonymous.admit(entry).forEach(this::write);
		}
		else {
			write(entry);
		}
	}

	@Scheduled(fixedDelayString = "${authwatch.admin.audit.anonymous-interval:1m}")
	void finishAnonymousInterval() {
		this.anonymous.finishIntervalIfDue().forEach(this::write);
	}

	private void write(AuditEntry entry) {
		this.log.append(entry);
		String targetRef = (entry.target() != null) ? this.events.userRef(entry.target()) : "-";
		auditLogger.atInfo()
			.addKeyValue("who", entry.who())
			.addKeyValue("action", entry.action())
			.addKeyValue("target_ref", targetRef)
			.addKeyValue("client_ip", entry.clientIp())
			.addKeyValue("status", entry.status())
			.addKeyValue("outcome", entry.outcome())
			.addKeyValue("count", entry.count())
			.log("admin_audit who=\"{}\" action=\"{}\" target_ref={} client_ip={} status={} outcome={} count={}",
					entry.who(), entry.action(), targetRef, entry.clientIp(), entry.status(), entry.outcome(),
					entry.count());
	}

}
