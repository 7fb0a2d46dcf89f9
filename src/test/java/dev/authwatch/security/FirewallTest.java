package dev.authwatch.security;

import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the firewall refuses is a JSON 400 malformed, counted, without detail, outside a
 * handshake and on the handshake's own path (which bypasses Spring Security's filter
 * chain).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class FirewallTest {

	@LocalServerPort
	int port;

	@Test
	void aControlCharacterInAHeaderOrASmuggledPathIsMalformedAndCounted() throws Exception {
		RawHandshake.Response badHeader = RawHandshake.to(this.port)
			.path("/api/admin/websocket-auth")
			.bearer(TestTokens.valid("admin", "admin") + "\u0085")
			.send();
		RawHandshake.Response badPath = RawHandshake.to(this.port).path("/api/admin/..;/websocket-auth").send();

		assertMalformed(badHeader, badPath);
		assertThat(malformed()).isGreaterThanOrEqualTo(2);
	}

	/** A header the handshake refuses is its chain's: HandshakeAuthenticationTest. */
	@Test
	void aHandshakeOnASmuggledPathIsMalformedAndCounted() throws Exception {
		double before = malformed();
		String token = TestTokens.valid("alice", "user");

		RawHandshake.Response traversal = RawHandshake.to(this.port).path("/ws/..;/ws/chat").bearer(token).send();
		RawHandshake.Response pathParameter = RawHandshake.to(this.port)
			.path("/ws/chat;jsessionid=1")
			.bearer(token)
			.send();

		assertMalformed(traversal, pathParameter);
		assertThat(malformed() - before).isEqualTo(2);
	}

	private static void assertMalformed(RawHandshake.Response... responses) {
		for (RawHandshake.Response response : responses) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.headers().get("content-type")).startsWith("application/json");
			assertThat(response.body()).contains("\"error\":\"malformed\"")
				.doesNotContain("Exception")
				.doesNotContain("..;")
				.doesNotContain("jsessionid");
		}
	}

	private double malformed() throws Exception {
		return HttpCalls.get(this.port, "/metrics")
			.body()
			.lines()
			.filter((line) -> line.startsWith("auth_errors_total{error_type=\"malformed\"} "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
