package dev.authwatch.token;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reset link that cannot be delivered (here: a mail relay that is down) is counted, so
 * that an alert can fire, while the answer stays the one every requester gets.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { TestSecrets.SECRET_PROPERTY,
		"authwatch.users[0].username=dora-undelivered", "authwatch.users[0].password={noop}dora-password" })
class UndeliveredResetLinkTest {

	private static final String UNDELIVERED = "auth_password_reset_total{event=\"undelivered\"}";

	@LocalServerPort
	int port;

	@TestConfiguration(proxyBeanMethods = false)
	static class MailRelayDown {

		@Bean
		ResetNotifier mailRelayDown() {
			return (String username, URI link) -> {
				throw new IllegalStateException("mail relay unreachable");
			};
		}

	}

	@Test
	void aLinkThatCannotBeDeliveredIsCountedAndTheAnswerStaysTheSameAsForAnUnknownAccount(CapturedOutput output)
			throws Exception {
		double before = AuthApi.metricValue(this.port, UNDELIVERED);

		AuthApi.Response unknown = AuthApi.on(this.port)
			.post("/api/auth/password-reset", Map.of("username", "nobody-here"));
		AuthApi.Response known = AuthApi.on(this.port)
			.post("/api/auth/password-reset", Map.of("username", "dora-undelivered"));

		assertThat(known.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(AuthApi.metricValue(this.port, UNDELIVERED)).isEqualTo(before + 1));
		assertThat(AuthApi.metricValue(this.port, "auth_password_reset_total{event=\"failed\"}")).isZero();
		assertThat(output.getOut()).contains("A password-reset link could not be issued: IllegalStateException")
			.doesNotContain("dora-undelivered", "?token=");
	}

}
