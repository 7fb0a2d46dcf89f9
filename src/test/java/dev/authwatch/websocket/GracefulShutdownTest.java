package dev.authwatch.websocket;

import dev.authwatch.AuthWatchApplication;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulShutdownTest {

	@Test
	void stoppingTheServiceClosesOpenConnectionsWith1001() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthWatchApplication.class)
			.run("--" + TestSecrets.SECRET_PROPERTY, "--server.port=0");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (ChatClient client = ChatClient.withBearerHeader(port, TestTokens.valid("alice"))) {
			assertThat(client.next().get("type").asString()).isEqualTo("welcome");

			context.close();

			assertThat(client.awaitClose()).isEqualTo(1001);
		}
		finally {
			context.close();
		}
	}

}
