package dev.authwatch.auth.oauth;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RedisTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The oauth method does not depend on the store: the same handshake works with Redis. */
class RedisStoreOAuthHandshakeTest extends ProviderBackedTest {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisTestServer.register(registry);
	}

	@Test
	void opaqueProviderTokenOpensAWebSocketOnTheRedisStore() throws Exception {
		String token = provider.opaqueToken("oscar", 300, "user");

		try (ChatClient client = ChatClient.withBearerHeader(this.port, token)) {
			JsonNode welcome = client.next();

			assertThat(welcome.get("user").asString()).isEqualTo("oauth:oscar");
			assertThat(welcome.get("method").asString()).isEqualTo("oauth");
		}
	}

}
