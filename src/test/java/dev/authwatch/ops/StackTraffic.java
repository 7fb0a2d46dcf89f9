package dev.authwatch.ops;

import java.time.Duration;
import java.util.Date;
import java.time.Instant;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Real traffic for the stack test: successes and a failure of each kind a client can cause. */
final class StackTraffic {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StackTraffic() {
	}

	static void drive(int port) throws Exception {
		for (int i = 0; i < 5; i++) {
			try (ChatClient client = ChatClient.withBearerHeader(port, TestTokens.valid("stack-user-" + i, "user"))) {
				client.next();
			}
			String ticket = JSON.readTree(HttpCalls.post(port, "/api/auth/ticket", TestTokens.valid("stack-user-" + i)).body())
				.get("ticket").asString();
			assertThat(RawHandshake.to(port).path("/ws/chat?ticket=" + ticket).send().status()).isEqualTo(101);
		}
		RawHandshake.to(port).send();
		RawHandshake.to(port).bearer("not.a.jwt").send();
		RawHandshake.to(port).bearer(TestTokens.signedWith(TestSecrets.FOREIGN, "stack-user")).send();
		RawHandshake.to(port).bearer(TestTokens.customised((b) -> b.issuedAt(Date.from(Instant.now().minusSeconds(600)))
			.expiration(Date.from(Instant.now().minusSeconds(300))))).send();
		RawHandshake.to(port).bearer(TestTokens.customised((b) -> b.audience().single("billing"))).send();
		RawHandshake.to(port).header("Origin", "https://evil.example").bearer(TestTokens.valid("stack-user")).send();
		RawHandshake.to(port).path("/ws/chat?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").send();
		try (ChatClient client = ChatClient.withBearerHeader(port, TestTokens.withTtl("stack-user", Duration.ofMinutes(5)))) {
			client.next();
		}
	}

}
