package dev.authwatch.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Password reset as a user sees it: the same answer for everyone, a link in the outbox,
 * one use.
 */
interface PasswordResetFlowContract {

	Path OUTBOX = Path.of(TestUsers.OUTBOX_FILE);

	int port();

	@Test
	default void resetAnswersAlikeForUnknownAccountsAndTheLinkChangesThePasswordOnce() throws Exception {
		double completedBefore = AuthApi.metricValue(port(), "auth_password_reset_total{event=\"completed\"}");
		double failedBefore = AuthApi.metricValue(port(), "auth_password_reset_total{event=\"failed\"}");
		AuthApi.Response login = AuthApi.on(port()).login("carol", "carol-password");
		int linesBefore = outbox().size();

		AuthApi.Response known = AuthApi.on(port()).post("/api/auth/password-reset", Map.of("username", "carol"));
		AuthApi.Response unknown = AuthApi.on(port()).post("/api/auth/password-reset", Map.of("username", "nobody"));

		assertThat(known.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		String token = await().atMost(Duration.ofSeconds(5))
			.until(() -> newLinkFor("carol", linesBefore), (t) -> t != null);
		try (ChatClient client = ChatClient.withBearerHeader(port(), login.text("access_token"))) {
			client.next();

			AuthApi.Response confirm = confirm(token, "a-brand-new-password");

			assertThat(confirm.status()).isEqualTo(204);
			assertThat(client.awaitClose()).isEqualTo(4003);
		}
		assertThat(AuthApi.on(port()).login("carol", "carol-password").status()).isEqualTo(401);
		assertThat(AuthApi.on(port()).login("carol", "a-brand-new-password").status()).isEqualTo(200);
		assertThat(AuthApi.on(port())
			.post("/api/auth/refresh", Map.of("refresh_token", login.text("refresh_token")))
			.error()).isEqualTo("revoked");
		AuthApi.Response again = confirm(token, "yet-another-password");
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.error()).isEqualTo("ticket_invalid");
		assertThat(AuthApi.metricValue(port(), "auth_password_reset_total{event=\"completed\"}"))
			.isEqualTo(completedBefore + 1);
		assertThat(AuthApi.metricValue(port(), "auth_password_reset_total{event=\"failed\"}"))
			.isEqualTo(failedBefore + 1);
		assertThat(AuthApi.metric(port(), "auth_password_reset_total{event=\"requested\"}")).isNotNull();
	}

	private AuthApi.Response confirm(String token, String password) throws Exception {
		return AuthApi.on(port())
			.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", password));
	}

	private static List<String> outbox() throws Exception {
		return Files.exists(OUTBOX) ? Files.readAllLines(OUTBOX) : List.of();
	}

	private static String newLinkFor(String user, int linesBefore) throws Exception {
		List<String> lines = outbox();
		for (int i = lines.size() - 1; i >= linesBefore; i--) {
			String line = lines.get(i);
			if (line.contains(" to=" + user + " ")) {
				return line.substring(line.indexOf("?token=") + "?token=".length());
			}
		}
		return null;
	}

}
