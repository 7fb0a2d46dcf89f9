package dev.authwatch.security;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords lock out the client that sends them, not the account: a stranger cannot
 * keep an admin from logging in. Guessing spread over many clients is still bounded per
 * account, and a client the owner logged in from before keeps working even then. Clients
 * are told apart by {@code X-Forwarded-For} from loopback, configured as a trusted proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, TestUsers.BOB,
				TestUsers.BOB_PASSWORD, TestUsers.ROOT, TestUsers.ROOT_PASSWORD, TestUsers.ROOT_ROLES,
				"server.tomcat.remoteip.internal-proxies=127.0.0.1|0:0:0:0:0:0:0:1",
				"authwatch.rate-limit.login-per-ip=1000", "authwatch.rate-limit.login-per-account-and-client=3",
				"authwatch.rate-limit.login-per-account=6" })
class AccountLockoutTest {

	@LocalServerPort
	int port;

	@Test
	void aStrangerGuessingTheAdminPasswordLocksOutOnlyHimself() throws Exception {
		int guesses = 0;
		while (guesses < 20 && login("root", "guess-" + guesses, "203.0.113.66").status() == 401) {
			guesses++;
		}

		assertThat(guesses).as("wrong guesses before the stranger is refused").isEqualTo(3);
		assertThat(login("root", "another-guess", "203.0.113.66").error()).isEqualTo("rate_limited");
		assertThat(login("root", "root-password", "198.51.100.7").status()).as("the admin from her own client")
			.isEqualTo(200);
	}

	@Test
	void guessesSpreadOverManyClientsAreBoundedPerAccountButSpareTheOwnersKnownClient() throws Exception {
		assertThat(login("bob", "bob-password", "198.51.100.20").status()).isEqualTo(200);
		for (int client = 1; client <= 6; client++) {
			assertThat(login("bob", "wrong", "192.0.2." + client).status()).isEqualTo(401);
		}

		assertThat(login("bob", "wrong", "192.0.2.99").error()).as("a seventh client").isEqualTo("rate_limited");
		assertThat(login("bob", "bob-password", "192.0.2.100").error()).as("even with the password, from a new client")
			.isEqualTo("rate_limited");
		assertThat(login("bob", "bob-password", "198.51.100.20").status()).as("bob from the client he used before")
			.isEqualTo(200);
	}

	@Test
	void successfulLoginsDoNotSpendTheBudget() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(login("root", "root-password", "198.51.100.30").status()).isEqualTo(200);
		}
	}

	private AuthApi.Response login(String username, String password, String client) throws Exception {
		return AuthApi.on(this.port).header("X-Forwarded-For", client).login(username, password);
	}

}
