package dev.authwatch.admin.audit;

import java.util.List;

/** Append-only record of admin requests: there is no way to change or remove an entry. */
public interface AuditLog {

	void append(AuditEntry entry);

	/**
	 * @return up to {@code limit} entries, newest first
	 */
	List<AuditEntry> recent(int limit);

}
