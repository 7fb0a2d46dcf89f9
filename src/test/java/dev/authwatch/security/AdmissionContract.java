package dev.authwatch.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revoked credential is refused wherever it is presented, not only at the WebSocket
 * handshake: the admin API, in-band reauthentication, ticket minting, refresh. Tokens
 * without a login (the {@code token} command's) are revocable too, and a refresh asks the
 * user store who the user is now. Run against each store.
 */
interface AdmissionContract {

	JsonMapper JSON = JsonMapper.builder().build();

	String ADMIN_HEALTH = AdminCalls.BASE + "/health";

	int port();

	MutableUserStore users();

	AccessTokenIssuer issuer();

	private AuthApi api() {
		return AuthApi.on(port());
	}

	/**
	 * A user of its own per test, so that one test's revocations never touch another's.
	 */
	private String newUser(Set<String> roles) {
		String username = "user-" + UUID.randomUUID();
		users().put(username, "password-" + username, roles);
		return username;
	}

	private AuthApi.Response login(String username) throws Exception {
		AuthApi.Response login = api().login(username, "password-" + username);
		assertThat(login.status()).isEqualTo(200);
		return login;
	}

	private int logout(AuthApi.Response login) throws Exception {
		return api().post("/api/auth/logout", Map.of("refresh_token", login.text("refresh_token"))).status();
	}

	private static JsonNode body(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static List<String> roles(String accessToken) {
		String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
		return JSON.readTree(payload).get("roles").valueStream().map(JsonNode::asString).sorted().toList();
	}

	@Test
	default void aLoggedOutAdminsAccessTokenIsRefusedByTheAdminApi() throws Exception {
		AuthApi.Response login = login(newUser(Set.of("admin")));
		assertThat(AdminCalls.as(port(), login.text("access_token")).get(ADMIN_HEALTH).statusCode()).isEqualTo(200);

		assertThat(logout(login)).isEqualTo(204);

		HttpResponse<String> afterLogout = AdminCalls.as(port(), login.text("access_token")).get(ADMIN_HEALTH);
		assertThat(afterLogout.statusCode()).isEqualTo(401);
		assertThat(body(afterLogout).get("error").asString()).isEqualTo("revoked");
	}

	@Test
	default void aLoggedOutLoginsAccessTokenCannotMintATicket() throws Exception {
		AuthApi.Response login = login(newUser(Set.of("user")));
		assertThat(logout(login)).isEqualTo(204);

		HttpResponse<String> ticket = HttpCalls.post(port(), "/api/auth/ticket", login.text("access_token"));

		assertThat(ticket.statusCode()).isEqualTo(401);
		assertThat(body(ticket).get("error").asString()).isEqualTo("revoked");
	}

	@Test
	default void aLoggedOutLoginsAccessTokenIsRefusedForReauthentication() throws Exception {
		String user = newUser(Set.of("user"));
		AuthApi.Response live = login(user);
		AuthApi.Response loggedOut = login(user);
		assertThat(logout(loggedOut)).isEqualTo(204);
		try (ChatClient client = ChatClient.withBearerHeader(port(), live.text("access_token"))) {
			client.next();

			client.send(Map.of("type", "reauth", "token", loggedOut.text("access_token")));

			JsonNode answer = client.next();
			assertThat(answer.get("type").asString()).isEqualTo("error");
			assertThat(answer.get("error").asString()).isEqualTo("reauth_failed");
			assertThat(answer.get("reason").asString()).isEqualTo("revoked");
		}
	}

	@Test
	default void aTokenCommandTokenIsRevokedEverywhereByAnAdminsDisconnect() throws Exception {
		String user = "cli-" + UUID.randomUUID();
		// What `java -jar authwatch.jar token --sub … --roles admin` prints: no login, no
		// family.
		String token = issuer().issue(user, List.of("user", "admin")).value();
		String admin = issuer().issue("operator-" + UUID.randomUUID(), List.of("admin")).value();
		try (ChatClient client = ChatClient.withBearerHeader(port(), token)) {
			client.next();

			HttpResponse<String> disconnect = AdminCalls.as(port(), admin).delete(AdminCalls.BASE + "/session/" + user);

			assertThat(disconnect.statusCode()).isEqualTo(200);
			assertThat(client.awaitClose()).isEqualTo(4003);
		}
		RawHandshake.Response handshake = RawHandshake.to(port()).bearer(token).send();
		assertThat(handshake.status()).isEqualTo(401);
		assertThat(handshake.body()).contains("\"error\":\"revoked\"");
		assertThat(AdminCalls.as(port(), token).get(ADMIN_HEALTH).statusCode()).isEqualTo(401);
		assertThat(HttpCalls.post(port(), "/api/auth/ticket", token).statusCode()).isEqualTo(401);
	}

	@Test
	default void aTokenIssuedRightAfterAnAdminsDisconnectIsAdmitted() throws Exception {
		String user = newUser(Set.of("user"));
		String admin = issuer().issue("operator-" + UUID.randomUUID(), List.of("admin")).value();
		assertThat(AdminCalls.as(port(), admin).delete(AdminCalls.BASE + "/session/" + user).statusCode())
			.isEqualTo(200);

		AuthApi.Response login = login(user);

		try (ChatClient client = ChatClient.withBearerHeader(port(), login.text("access_token"))) {
			assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		}
		assertThat(HttpCalls.post(port(), "/api/auth/ticket", login.text("access_token")).statusCode()).isEqualTo(200);
	}

	@Test
	default void aDemotedAdminsRefreshCarriesNoAdminRoleAndTheirAdminTokensAreVoid() throws Exception {
		String user = newUser(Set.of("admin", "user"));
		AuthApi.Response login = login(user);
		assertThat(AdminCalls.as(port(), login.text("access_token")).get(ADMIN_HEALTH).statusCode()).isEqualTo(200);

		users().changeRoles(user, Set.of("user"));
		AuthApi.Response refreshed = api().post("/api/auth/refresh",
				Map.of("refresh_token", login.text("refresh_token")));

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(roles(refreshed.text("access_token"))).containsExactly("user");
		assertThat(AdminCalls.as(port(), refreshed.text("access_token")).get(ADMIN_HEALTH).statusCode()).isEqualTo(403);
		HttpResponse<String> oldAdminToken = AdminCalls.as(port(), login.text("access_token")).get(ADMIN_HEALTH);
		assertThat(oldAdminToken.statusCode()).isEqualTo(401);
		assertThat(body(oldAdminToken).get("error").asString()).isEqualTo("revoked");
		try (ChatClient client = ChatClient.withBearerHeader(port(), refreshed.text("access_token"))) {
			assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		}
		AuthApi.Response again = api().post("/api/auth/refresh",
				Map.of("refresh_token", refreshed.text("refresh_token")));
		assertThat(roles(again.text("access_token"))).containsExactly("user");
	}

	@Test
	default void aRemovedUsersRefreshIsRefusedAndTheirConnectionsClose() throws Exception {
		String user = newUser(Set.of("user"));
		AuthApi.Response login = login(user);
		try (ChatClient client = ChatClient.withBearerHeader(port(), login.text("access_token"))) {
			client.next();

			users().remove(user);
			AuthApi.Response refreshed = api().post("/api/auth/refresh",
					Map.of("refresh_token", login.text("refresh_token")));

			assertThat(refreshed.status()).isEqualTo(401);
			assertThat(refreshed.error()).isEqualTo("revoked");
			assertThat(client.awaitClose()).isEqualTo(4003);
		}
		assertThat(HttpCalls.post(port(), "/api/auth/ticket", login.text("access_token")).statusCode()).isEqualTo(401);
	}

}
