package dev.authwatch.security;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IPv6 client holds a whole /64: rotating through its addresses must not buy it a
 * fresh budget per address. The test client reaches the service through loopback, a
 * trusted proxy, and names its address in {@code X-Forwarded-For}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD,
				"server.tomcat.remoteip.internal-proxies=127.0.0.1|0:0:0:0:0:0:0:1",
				"authwatch.rate-limit.login-per-ip=2", "authwatch.rate-limit.handshake-per-ip=2" })
class Ipv6ClientKeyTest {

	@LocalServerPort
	int port;

	@Test
	void loginsFromEveryAddressOfOneSlashSixtyFourShareOneBudget() throws Exception {
		assertThat(loginFrom("2001:db8:aa:1::1")).isNotEqualTo(429);
		assertThat(loginFrom("2001:db8:aa:1::2")).isNotEqualTo(429);

		assertThat(loginFrom("2001:db8:aa:1:ffff:ffff:ffff:3")).isEqualTo(429);
		assertThat(loginFrom("2001:db8:aa:2::1")).as("the neighbouring /64").isNotEqualTo(429);
	}

	@Test
	void handshakesFromEveryAddressOfOneSlashSixtyFourShareOneBudget() throws Exception {
		String token = TestTokens.valid("rotator", "user");

		assertThat(handshakeFrom("2001:db8:bb:1::1", token)).isEqualTo(101);
		assertThat(handshakeFrom("2001:db8:bb:1::2", token)).isEqualTo(101);

		assertThat(handshakeFrom("2001:db8:bb:1::3", token)).isEqualTo(429);
		assertThat(handshakeFrom("2001:db8:bb:2::1", token)).isEqualTo(101);
	}

	private int loginFrom(String address) throws Exception {
		return AuthApi.on(this.port).header("X-Forwarded-For", address).login("alice", "wrong").status();
	}

	private int handshakeFrom(String address, String token) throws Exception {
		return RawHandshake.to(this.port).header("X-Forwarded-For", address).bearer(token).send().status();
	}

}
