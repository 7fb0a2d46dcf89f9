package dev.authwatch.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.SilentWebSocket;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One client or one user cannot hold an unbounded number of connections: beyond the caps
 * a handshake is 429 {@code rate_limited} before the upgrade, and every way a connection
 * ends gives its place back. Clients are told apart by {@code X-Forwarded-For} from
 * loopback, configured as a trusted proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "server.tomcat.remoteip.internal-proxies=127.0.0.1|0:0:0:0:0:0:0:1",
				"authwatch.rate-limit.connections-per-client=3", "authwatch.rate-limit.connections-per-user=2" })
class ConnectionCapsTest {

	@LocalServerPort
	int port;

	@Test
	void aUserBeyondItsConnectionCapIsRefused429UntilOneCloses() throws Exception {
		String token = TestTokens.valid("hoarder", "user");
		ChatClient first = connect("198.51.100.1", token);
		ChatClient second = connect("198.51.100.2", token);

		RawHandshake.Response refused = handshake("198.51.100.3", token);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("\"error\":\"rate_limited\"");
		assertThat(AuthApi.metricValue(this.port, "auth_limits_total{limit=\"connections_per_user\"}")).isPositive();
		first.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> handshake("198.51.100.3", token).status() == 101);
		second.close();
	}

	@Test
	void aClientBeyondItsConnectionCapIsRefused429WhileOthersConnect() throws Exception {
		List<ChatClient> open = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			open.add(connect("203.0.113.9", TestTokens.valid("member-" + i, "user")));
		}

		assertThat(handshake("203.0.113.9", TestTokens.valid("member-3", "user")).status()).isEqualTo(429);
		assertThat(handshake("203.0.113.10", TestTokens.valid("member-4", "user")).status()).isEqualTo(101);
		assertThat(AuthApi.metricValue(this.port, "auth_limits_total{limit=\"connections_per_client\"}")).isPositive();
		open.forEach(ChatClient::close);
	}

	@Test
	void connectionsThatEndAnyWayGiveTheirPlaceBack() throws Exception {
		String token = TestTokens.valid("churner", "user");
		for (int i = 0; i < 10; i++) {
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> connect("192.0.2.50", token).close());
			try (SilentWebSocket dropped = SilentWebSocket.connect(this.port, token)) {
				// Closed without a close frame: the TCP connection just goes away.
			}
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<ChatClient> again = List.of(connect("192.0.2.50", token), connect("192.0.2.51", token));
			again.forEach(ChatClient::close);
		});
	}

	private ChatClient connect(String client, String token) {
		return ChatClient.withHeaders(this.port, Map.of("X-Forwarded-For", client, "Authorization", "Bearer " + token));
	}

	private RawHandshake.Response handshake(String client, String token) throws Exception {
		return RawHandshake.to(this.port).header("X-Forwarded-For", client).bearer(token).send();
	}

}
