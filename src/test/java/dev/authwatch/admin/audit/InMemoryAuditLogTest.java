package dev.authwatch.admin.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAuditLogTest {

	@Test
	void keepsTheNewestEntriesUpToItsCapacityNewestFirst() {
		InMemoryAuditLog log = new InMemoryAuditLog(3);

		for (int status = 200; status < 205; status++) {
			log.append(new AuditEntry(Instant.now(), "root", "GET", "/api/admin/websocket-auth/metrics", null,
					"127.0.0.1", status));
		}

		assertThat(log.recent(10)).extracting(AuditEntry::status).containsExactly(204, 203, 202);
		assertThat(log.recent(2)).extracting(AuditEntry::status).containsExactly(204, 203);
	}

}
