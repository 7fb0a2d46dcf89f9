package dev.authwatch.token;

import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.CredentialsTest;
import dev.authwatch.support.HttpCalls;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@CredentialsTest
class PasswordLoginTest {

	private static final String LOGINS = "auth_logins_total{method=\"password\",result=\"%s\"}";

	@LocalServerPort
	int port;

	@Test
	void loginThenTicketThenWebSocketWelcomesTheUser() throws Exception {
		AuthApi.Response login = AuthApi.on(this.port).login("alice", "alice-password");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text("token_type")).isEqualTo("Bearer");
		assertThat(login.body().get("expires_in").asLong()).isBetween(890L, 900L);
		assertThat(login.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
		String ticket = JsonMapper.builder()
			.build()
			.readTree(HttpCalls.post(this.port, "/api/auth/ticket", login.text("access_token")).body())
			.get("ticket")
			.asString();
		try (ChatClient client = ChatClient.withTicket(this.port, ticket)) {
			assertThat(client.next().get("user").asString()).isEqualTo("alice");
		}
	}

	@Test
	void wrongPasswordAndUnknownUserAnswerTheSame() throws Exception {
		double failuresBefore = AuthApi.metricValue(this.port, LOGINS.formatted("failure"));

		AuthApi.Response wrong = AuthApi.on(this.port).login("alice", "nope");
		AuthApi.Response unknown = AuthApi.on(this.port).login("mallory", "nope");

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.body()).isEqualTo(unknown.body());
		assertThat(AuthApi.metricValue(this.port, LOGINS.formatted("failure"))).isEqualTo(failuresBefore + 2);
	}

	@Test
	void bcryptUserLogsInWithTheirRoles() throws Exception {
		AuthApi.Response login = AuthApi.on(this.port).login("root", "root-password");

		assertThat(login.status()).isEqualTo(200);
		try (ChatClient client = ChatClient.withBearerHeader(this.port, login.text("access_token"))) {
			assertThat(client.next().get("user").asString()).isEqualTo("root");
		}
	}

	@Test
	void malformedBodiesAreMalformed() throws Exception {
		AuthApi.Response missing = AuthApi.on(this.port).post("/api/auth/login", Map.of("username", "alice"));

		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.error()).isEqualTo("malformed");
	}

	@Test
	void loginCountsSuccessUnderMethodPassword() throws Exception {
		double before = AuthApi.metricValue(this.port, LOGINS.formatted("success"));

		assertThat(AuthApi.on(this.port).login("alice", "alice-password").status()).isEqualTo(200);

		assertThat(AuthApi.metricValue(this.port, LOGINS.formatted("success"))).isEqualTo(before + 1);
	}

}
