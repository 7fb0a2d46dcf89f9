package dev.authwatch.admin.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The default audit log: the newest {@code capacity} entries of this instance, oldest
 * dropped first.
 */
public final class InMemoryAuditLog implements AuditLog {

	private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();

	private final int capacity;

	public InMemoryAuditLog(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public synchronized void append(AuditEntry entry) {
		if (this.entries.size() == this.capacity) {
			this.entries.removeFirst();
		}
		this.entries.addLast(entry);
	}

	@Override
	public synchronized List<AuditEntry> recent(int limit) {
		List<AuditEntry> newest = new ArrayList<>(Math.min(limit, this.entries.size()));
		for (Iterator<AuditEntry> it = this.entries.descendingIterator(); it.hasNext() && newest.size() < limit;) {
			newest.add(it.next());
		}
		return newest;
	}

}
