package dev.authwatch.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A credential revoked while its handshake is in flight must not keep a socket: hundreds
 * of connects, each racing the revocation of its own credential (logout, refresh-token
 * reuse, an admin's disconnect), and afterwards not one socket is left open. Every
 * connect either is refused before the upgrade (401) or is closed with 4003.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RevocationRaceContract {

	static final int PAIRS = 300;

	/** Pairs in flight at once: enough to overlap, few enough for two shared cores. */
	private static final int IN_FLIGHT = 24;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private RunningApp app;

	abstract Map<String, Object> storeProperties();

	@BeforeAll
	void start() {
		Map<String, Object> properties = new HashMap<>(storeProperties());
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		properties.put("authwatch.users[0].username", "alice");
		properties.put("authwatch.users[0].password", "{noop}alice-password");
		// The race needs volume from one address; the limits are tested elsewhere.
		properties.put("authwatch.rate-limit.enabled", "false");
		this.app = RunningApp.start(properties);
	}

	@AfterAll
	void stop() {
		this.app.close();
	}

	@Test
	void aConnectRacingTheLogoutOfItsLoginLeavesNoSocketOpen() throws Exception {
		List<AuthApi.Response> logins = logins();
		race((i) -> connect(logins.get(i).text("access_token")), (i) -> post("/api/auth/logout",
				"{\"refresh_token\":\"" + logins.get(i).text("refresh_token") + "\"}", null));
	}

	@Test
	void aConnectRacingTheReuseOfItsRefreshTokenLeavesNoSocketOpen() throws Exception {
		List<AuthApi.Response> logins = logins();
		List<AuthApi.Response> refreshed = new ArrayList<>();
		for (AuthApi.Response login : logins) {
			AuthApi.Response refresh = AuthApi.on(this.app.port())
				.post("/api/auth/refresh", Map.of("refresh_token", login.text("refresh_token")));
			assertThat(refresh.status()).isEqualTo(200);
			refreshed.add(refresh);
		}
		race((i) -> connect(refreshed.get(i).text("access_token")), (i) -> post("/api/auth/refresh",
				"{\"refresh_token\":\"" + logins.get(i).text("refresh_token") + "\"}", null));
	}

	@Test
	void aConnectRacingAnAdminsDisconnectOfItsUserLeavesNoSocketOpen() throws Exception {
		String admin = TestTokens.valid("race-admin", "admin");
		race((i) -> connect(TestTokens.valid("race-user-" + i, "user")),
				(i) -> delete("/api/admin/websocket-auth/session/race-user-" + i, admin));
	}

	private List<AuthApi.Response> logins() throws Exception {
		List<AuthApi.Response> logins = new ArrayList<>();
		for (int i = 0; i < PAIRS; i++) {
			AuthApi.Response login = AuthApi.on(this.app.port()).login("alice", "alice-password");
			assertThat(login.status()).isEqualTo(200);
			logins.add(login);
		}
		return logins;
	}

	/**
	 * Runs every pair's connect and revocation at the same moment, then counts the
	 * sockets still open.
	 */
	private void race(Function<Integer, Socket> connect,
			Function<Integer, CompletableFuture<HttpResponse<String>>> revoke) {
		List<Socket> sockets = new ArrayList<>();
		List<CompletableFuture<HttpResponse<String>>> revocations = new ArrayList<>();
		for (int start = 0; start < PAIRS; start += IN_FLIGHT) {
			List<CompletableFuture<?>> batch = new ArrayList<>();
			for (int i = start; i < Math.min(PAIRS, start + IN_FLIGHT); i++) {
				Socket socket = connect.apply(i);
				CompletableFuture<HttpResponse<String>> revocation = revoke.apply(i);
				sockets.add(socket);
				revocations.add(revocation);
				batch.add(socket.opened.exceptionally((ex) -> null));
				batch.add(revocation);
			}
			CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
		}
		assertThat(revocations)
			.allSatisfy((revocation) -> assertThat(revocation.join().statusCode()).isIn(200, 204, 401));
		List<Socket> opened = sockets.stream().filter(Socket::upgraded).toList();
		assertThat(sockets).filteredOn((socket) -> !socket.upgraded())
			.allSatisfy((socket) -> assertThat(socket.refusalStatus()).isEqualTo(401));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(opened.stream().filter((socket) -> !socket.closed.isDone()).count())
				.as("sockets still open of %d upgraded (of %d connects racing their revocation)", opened.size(), PAIRS)
				.isZero());
		assertThat(opened).allSatisfy((socket) -> assertThat(socket.closed.join()).isEqualTo(4003));
	}

	private Socket connect(String token) {
		Socket socket = new Socket();
		HTTP.newWebSocketBuilder()
			.header("Authorization", "Bearer " + token)
			.buildAsync(URI.create("ws://localhost:" + this.app.port() + "/ws/chat"), socket)
			.whenComplete((webSocket, ex) -> {
				if (ex != null) {
					socket.opened.completeExceptionally(ex);
				}
				else {
					socket.opened.complete(webSocket);
				}
			});
		return socket;
	}

	private CompletableFuture<HttpResponse<String>> post(String path, String json, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.app.baseUrl() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> delete(String path, String bearer) {
		return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(this.app.baseUrl() + path))
			.header("Authorization", "Bearer " + bearer)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** One racing connect: whether it was upgraded, and the close code it got if so. */
	private static final class Socket implements WebSocket.Listener {

		final CompletableFuture<WebSocket> opened = new CompletableFuture<>();

		final CompletableFuture<Integer> closed = new CompletableFuture<>();

		boolean upgraded() {
			return this.opened.isDone() && !this.opened.isCompletedExceptionally();
		}

		int refusalStatus() {
			try {
				this.opened.join();
				return 101;
			}
			catch (CompletionException ex) {
				return (ex.getCause() instanceof WebSocketHandshakeException handshake)
						? handshake.getResponse().statusCode() : -1;
			}
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.complete(-1);
		}

	}

}
