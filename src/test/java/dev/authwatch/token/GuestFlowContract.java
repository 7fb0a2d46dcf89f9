package dev.authwatch.token;

import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Guest access as a client sees it. */
interface GuestFlowContract {

	int port();

	@Test
	default void guestTokenConnectsAsAGuest() throws Exception {
		double issuedBefore = AuthApi.metricValue(port(), "auth_guest_total{event=\"issued\"}");

		AuthApi.Response guest = AuthApi.on(port()).post("/api/auth/guest", Map.of());

		assertThat(guest.status()).isEqualTo(200);
		assertThat(guest.body().has("refresh_token")).isFalse();
		assertThat(guest.body().get("expires_in").asLong()).isBetween(590L, 600L);
		try (ChatClient client = ChatClient.withBearerHeader(port(), guest.text("access_token"))) {
			JsonNode welcome = client.next();
			assertThat(welcome.get("user").asString()).startsWith("guest-");
		}
		assertThat(AuthApi.metricValue(port(), "auth_guest_total{event=\"issued\"}")).isEqualTo(issuedBefore + 1);
		assertThat(AuthApi.metric(port(), "auth_logins_total{method=\"guest\",result=\"success\"}")).isNotNull();
	}

	@Test
	default void loginPresentingTheGuestTokenCountsAnUpgradeOnce() throws Exception {
		String guestToken = AuthApi.on(port()).post("/api/auth/guest", Map.of()).text("access_token");
		double before = AuthApi.metricValue(port(), "auth_guest_total{event=\"upgraded\"}");

		AuthApi.on(port()).header("Authorization", "Bearer " + guestToken).login("alice", "alice-password");
		AuthApi.on(port()).header("Authorization", "Bearer " + guestToken).login("alice", "alice-password");

		assertThat(AuthApi.metricValue(port(), "auth_guest_total{event=\"upgraded\"}")).isEqualTo(before + 1);
	}

}
