package dev.authwatch.ratelimit;

import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD,
				"authwatch.rate-limit.login-per-account-and-client=2", "authwatch.rate-limit.handshake-per-ip=3",
				"authwatch.rate-limit.ticket-per-account=2", "authwatch.rate-limit.reset-per-account=2" })
class RateLimitTest {

	private static final String RATE_LIMITED = "auth_errors_total{error_type=\"rate_limited\"}";

	@LocalServerPort
	int port;

	@Test
	void failedLoginsBeyondThePerAccountLimitAre429RateLimitedAndCounted() throws Exception {
		double before = AuthApi.metricValue(this.port, RATE_LIMITED);

		int success = AuthApi.on(this.port).login("alice", "alice-password").status();
		int first = AuthApi.on(this.port).login("alice", "wrong").status();
		int second = AuthApi.on(this.port).login("alice", "wrong").status();
		AuthApi.Response third = AuthApi.on(this.port).login("alice", "alice-password");

		assertThat(success).isEqualTo(200);
		assertThat(first).isEqualTo(401);
		assertThat(second).isEqualTo(401);
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.error()).isEqualTo("rate_limited");
		assertThat(third.raw().headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(AuthApi.metricValue(this.port, RATE_LIMITED)).isEqualTo(before + 1);
	}

	@Test
	void handshakesBeyondThePerIpLimitAre429BeforeTheUpgrade() throws Exception {
		String token = TestTokens.valid("hasty", "user");
		for (int i = 0; i < 3; i++) {
			assertThat(RawHandshake.to(this.port).bearer(token).send().status()).isEqualTo(101);
		}

		RawHandshake.Response refused = RawHandshake.to(this.port).bearer(token).send();

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("\"error\":\"rate_limited\"");
	}

	@Test
	void ticketsBeyondThePerAccountLimitAre429() throws Exception {
		String token = TestTokens.valid("ticketer", "user");

		assertThat(HttpCalls.post(this.port, "/api/auth/ticket", token).statusCode()).isEqualTo(200);
		assertThat(HttpCalls.post(this.port, "/api/auth/ticket", token).statusCode()).isEqualTo(200);
		assertThat(HttpCalls.post(this.port, "/api/auth/ticket", token).statusCode()).isEqualTo(429);
		assertThat(HttpCalls.post(this.port, "/api/auth/ticket", TestTokens.valid("someone-else")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void resetRequestsBeyondThePerAccountLimitAre429WhetherOrNotTheAccountExists() throws Exception {
		for (String user : new String[] { "alice", "nobody" }) {
			for (int i = 0; i < 2; i++) {
				assertThat(reset(user).status()).isEqualTo(202);
			}
			assertThat(reset(user).error()).isEqualTo("rate_limited");
		}
	}

	private AuthApi.Response reset(String user) throws Exception {
		return AuthApi.on(this.port).post("/api/auth/password-reset", Map.of("username", user));
	}

}
