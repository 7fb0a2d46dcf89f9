package dev.authwatch.store;

import java.io.IOException;
import java.time.Duration;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.OwnRedis;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away and comes back, for real: ticket handshakes fail fast with 503, the
 * breaker opens, authentication health goes critical (readiness stays up), JWT keeps
 * working, and everything recovers without intervention. A short monitor window lets the
 * outage's failures age out within the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { TestSecrets.SECRET_PROPERTY,
		"resilience4j.circuitbreaker.instances.redis.wait-duration-in-open-state=2s", "authwatch.monitor.window=3s" })
class RedisOutageRecoveryTest {

	@RegisterExtension
	static final OwnRedis redis = OwnRedis.start();

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		redis.register(registry);
	}

	@Test
	void ticketsFailFastWhileRedisIsDownAndRecoverWhenItReturns() throws Exception {
		assertThat(healthLevel()).isEqualTo("unknown");
		assertThat(redeem(mint())).isEqualTo(101);
		jwtHandshake();
		assertThat(healthLevel()).isEqualTo("healthy");
		for (int i = 0; i < 4; i++) {
			RawHandshake.to(this.port).bearer(TestTokens.withTtl("late", Duration.ofSeconds(-120))).send();
		}
		assertThat(healthLevel()).as("a burst of expired tokens is the clients' problem").isNotEqualTo("critical");
		String ticketMintedBeforeOutage = mint();

		redis.stop();
		// Enough failures to outweigh the successful calls before the outage in the
		// breaker's window of 20.
		for (int i = 0; i < 20 && this.breakers.circuitBreaker("redis").getState() != CircuitBreaker.State.OPEN; i++) {
			long start = System.nanoTime();
			RawHandshake.Response response = RawHandshake.to(this.port)
				.path("/ws/chat?ticket=" + ticketMintedBeforeOutage)
				.send();
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.body()).contains("\"error\":\"provider_unavailable\"");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
		assertThat(this.breakers.circuitBreaker("redis").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(healthLevel()).isEqualTo("critical");
		assertThat(HttpCalls.get(this.port, "/health/readiness").statusCode()).as("alerting, not load-balancer removal")
			.isEqualTo(200);
		assertThat(HttpCalls.get(this.port, "/health/liveness").statusCode()).isEqualTo(200);
		jwtHandshake();

		redis.restart();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			var minted = HttpCalls.post(this.port, "/api/auth/ticket", TestTokens.valid("alice"));
			assertThat(minted.statusCode()).isEqualTo(200);
		});
		assertThat(redeem(mint())).isEqualTo(101);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.breakers.circuitBreaker("redis").getState())
				.isEqualTo(CircuitBreaker.State.CLOSED));
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			jwtHandshake();
			assertThat(healthLevel()).isEqualTo("healthy");
		});
	}

	private void jwtHandshake() throws InterruptedException {
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice"))) {
			assertThat(client.next().get("type").asString()).isEqualTo("welcome");
		}
	}

	/** Health details are for admins (show-details: when-authorized). */
	private String healthLevel() throws Exception {
		String body = AdminCalls.as(this.port, TestTokens.valid("root", "admin")).get("/health").body();
		return JsonMapper.builder()
			.build()
			.readTree(body)
			.path("components")
			.path("wsAuth")
			.path("details")
			.path("level")
			.asString();
	}

	private String mint() throws Exception {
		var response = HttpCalls.post(this.port, "/api/auth/ticket", TestTokens.valid("alice"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body()).get("ticket").asString();
	}

	private int redeem(String ticket) throws IOException {
		return RawHandshake.to(this.port).path("/ws/chat?ticket=" + ticket).send().status();
	}

}
