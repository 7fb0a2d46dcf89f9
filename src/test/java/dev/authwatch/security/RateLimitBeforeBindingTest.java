package dev.authwatch.security;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client over its per-IP budget is refused before its body is read: once the budget is
 * spent, even a body that could not be parsed answers 429, not 400 (which would mean it
 * was parsed).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD,
				"authwatch.rate-limit.login-per-ip=2", "authwatch.rate-limit.refresh-per-ip=2",
				"authwatch.rate-limit.reset-per-ip=2", "authwatch.rate-limit.guest-per-ip=2",
				"authwatch.rate-limit.ticket-per-ip=2" })
class RateLimitBeforeBindingTest {

	private static final String UNPARSEABLE = "{\"username\":";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/login", "/api/auth/refresh", "/api/auth/password-reset",
			"/api/auth/password-reset/confirm", "/api/auth/guest", "/api/auth/ticket" })
	void overTheClientBudgetAnUnreadableBodyIs429NotParsed(String path) throws Exception {
		for (int i = 0; i < 2; i++) {
			AuthApi.on(this.port).postJson(path, UNPARSEABLE);
		}

		AuthApi.Response refused = AuthApi.on(this.port).postJson(path, UNPARSEABLE);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.error()).isEqualTo("rate_limited");
	}

}
