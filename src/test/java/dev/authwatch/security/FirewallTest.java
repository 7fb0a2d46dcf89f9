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
 * What the firewall refuses outside a handshake is a JSON 400 malformed, counted, without
 * detail.
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

		for (RawHandshake.Response response : new RawHandshake.Response[] { badHeader, badPath }) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.headers().get("content-type")).startsWith("application/json");
			assertThat(response.body()).contains("\"error\":\"malformed\"")
				.doesNotContain("Exception")
				.doesNotContain("..;");
		}
		assertThat(HttpCalls.get(this.port, "/metrics")
			.body()
			.lines()
			.filter((line) -> line.startsWith("auth_errors_total{error_type=\"malformed\"} "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum()).isGreaterThanOrEqualTo(2);
	}

}
