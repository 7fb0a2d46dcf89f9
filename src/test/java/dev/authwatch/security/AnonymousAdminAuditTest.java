package dev.authwatch.security;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anonymous requests to the admin API cost nothing to send; each used to become an audit
 * entry, so a few hundred of them pushed the admins' own entries out of the log. Now an
 * anonymous client gets a few entries per interval and one aggregated entry with the
 * count of the rest, and the admins' entries stay.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "authwatch.admin.audit.capacity=50",
				"authwatch.admin.audit.anonymous-interval=2s", "authwatch.admin.audit.anonymous-entries-per-client=5" })
class AnonymousAdminAuditTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int FLOOD = 300;

	@LocalServerPort
	int port;

	@Test
	void aFloodOfAnonymousRequestsIsAggregatedAndTheAdminsEntriesStay() throws Exception {
		AdminCalls admin = AdminCalls.as(this.port, TestTokens.valid("root", "admin"));
		assertThat(admin.get(AdminCalls.BASE + "/health").statusCode()).isEqualTo(200);

		AdminCalls stranger = AdminCalls.as(this.port, null);
		long floodStarted = System.nanoTime();
		for (int i = 0; i < FLOOD; i++) {
			assertThat(stranger.get(AdminCalls.BASE + "/metrics").statusCode()).isEqualTo(401);
		}
		// A loaded machine may spread the flood over several intervals: five entries and
		// one aggregate each.
		long intervals = Duration.ofNanos(System.nanoTime() - floodStarted).toMillis() / 2000 + 2;

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<JsonNode> entries = entries(admin);
			List<JsonNode> anonymous = entries.stream()
				.filter((entry) -> "anonymous".equals(entry.path("who").asString()))
				.toList();
			assertThat(entries).anyMatch((entry) -> "root".equals(entry.path("who").asString())
					&& (AdminCalls.BASE + "/health").equals(entry.path("path").asString()));
			assertThat(anonymous).hasSizeLessThanOrEqualTo((int) intervals * 6);
			assertThat(anonymous.stream().mapToInt((entry) -> entry.path("count").asInt()).sum()).isEqualTo(FLOOD);
		});
		assertThat(AuthApi.metricValue(this.port, "auth_limits_total{limit=\"anonymous_admin_audit\"}"))
			.isBetween(FLOOD - intervals * 5.0, FLOOD - 5.0);
	}

	private static List<JsonNode> entries(AdminCalls admin) throws Exception {
		JsonNode entries = JSON.readTree(admin.get(AdminCalls.BASE + "/audit?limit=1000").body()).path("entries");
		return StreamSupport.stream(entries.spliterator(), false).toList();
	}

}
