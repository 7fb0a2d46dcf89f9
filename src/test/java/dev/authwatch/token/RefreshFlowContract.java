package dev.authwatch.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh rotation, reuse detection and logout as a client sees them; run against each
 * store.
 */
interface RefreshFlowContract {

	String REUSE_ERRORS = "auth_errors_total{error_type=\"token_reuse\"}";

	String REUSE_REFRESHES = "auth_refresh_total{result=\"reuse\"}";

	int port();

	@Test
	default void refreshRotatesAndTheNewAccessTokenConnects() throws Exception {
		AuthApi.Response login = api().login("alice", "alice-password");

		AuthApi.Response refreshed = refresh(login.text("refresh_token"));

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.text("refresh_token")).hasSize(43).isNotEqualTo(login.text("refresh_token"));
		try (ChatClient client = ChatClient.withBearerHeader(port(), refreshed.text("access_token"))) {
			assertThat(client.next().get("user").asString()).isEqualTo("alice");
		}
		assertThat(AuthApi.metric(port(), "auth_refresh_latency_seconds_bucket")).isNotNull();
	}

	@Test
	default void reusingARefreshTokenRevokesTheFamilyAndClosesItsSocketWith4003() throws Exception {
		AuthApi.Response login = api().login("alice", "alice-password");
		String first = login.text("refresh_token");
		AuthApi.Response second = refresh(first);
		double reuseErrorsBefore = AuthApi.metricValue(port(), REUSE_ERRORS);
		double reuseRefreshesBefore = AuthApi.metricValue(port(), REUSE_REFRESHES);

		try (ChatClient client = ChatClient.withBearerHeader(port(), second.text("access_token"));
				ChatClient otherLogin = ChatClient.withBearerHeader(port(),
						api().login("alice", "alice-password").text("access_token"))) {
			client.next();
			otherLogin.next();

			AuthApi.Response replay = refresh(first);

			assertThat(replay.status()).isEqualTo(401);
			assertThat(replay.error()).isEqualTo("token_reuse");
			assertThat(client.awaitClose()).isEqualTo(4003);
			assertThat(otherLogin.nextWithin(java.time.Duration.ofMillis(200))).isNull();
		}
		AuthApi.Response newest = refresh(second.text("refresh_token"));
		assertThat(newest.status()).isEqualTo(401);
		assertThat(newest.error()).isEqualTo("revoked");
		RawHandshake.Response withRevokedAccessToken = RawHandshake.to(port())
			.bearer(second.text("access_token"))
			.send();
		assertThat(withRevokedAccessToken.status()).isEqualTo(401);
		assertThat(withRevokedAccessToken.body()).contains("\"error\":\"revoked\"");
		assertThat(AuthApi.metricValue(port(), REUSE_ERRORS)).isEqualTo(reuseErrorsBefore + 1);
		assertThat(AuthApi.metricValue(port(), REUSE_REFRESHES)).isEqualTo(reuseRefreshesBefore + 1);
	}

	@Test
	default void twentyConcurrentRefreshesOfOneTokenRotateExactlyOnce() throws Exception {
		String token = api().login("bob", "bob-password").text("refresh_token");
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return refresh(token).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}

			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 401).hasSize(19);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	default void logoutRevokesTheFamilyAndClosesItsSocket() throws Exception {
		AuthApi.Response login = api().login("alice", "alice-password");
		try (ChatClient client = ChatClient.withBearerHeader(port(), login.text("access_token"))) {
			client.next();

			AuthApi.Response logout = api().post("/api/auth/logout",
					Map.of("refresh_token", login.text("refresh_token")));

			assertThat(logout.status()).isEqualTo(204);
			assertThat(client.awaitClose()).isEqualTo(4003);
		}
		assertThat(refresh(login.text("refresh_token")).error()).isEqualTo("revoked");
	}

	@Test
	default void loginThenTicketThenWebSocketAndTheTicketsSocketClosesWithItsFamily() throws Exception {
		AuthApi.Response login = api().login("alice", "alice-password");
		String ticket = JsonMapper.builder()
			.build()
			.readTree(HttpCalls.post(port(), "/api/auth/ticket", login.text("access_token")).body())
			.get("ticket")
			.asString();
		try (ChatClient client = ChatClient.withTicket(port(), ticket)) {
			assertThat(client.next().get("method").asString()).isEqualTo("ticket");

			api().post("/api/auth/logout", Map.of("refresh_token", login.text("refresh_token")));

			assertThat(client.awaitClose()).isEqualTo(4003);
		}
	}

	@Test
	default void garbageRefreshTokenIsMalformed() throws Exception {
		AuthApi.Response response = refresh("not-a-refresh-token");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.error()).isEqualTo("malformed");
	}

	private AuthApi api() {
		return AuthApi.on(port());
	}

	private AuthApi.Response refresh(String token) throws Exception {
		return api().post("/api/auth/refresh", Map.of("refresh_token", token));
	}

}
