package dev.authwatch.auth.oauth;

import java.time.Duration;

import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that hangs (introspection) and one that is down (JWK set): oauth handshakes
 * fail fast with 503 {@code provider_unavailable}, the breaker opens, JWT handshakes
 * carry on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "authwatch.oauth.timeout=500ms",
				"resilience4j.circuitbreaker.instances.oauth.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.oauth.sliding-window-size=4" })
class OAuthProviderOutageTest {

	static final Duration TIMEOUT = Duration.ofMillis(500);

	/** Handshake overhead on a loaded 2-core CI machine; measured unloaded: ~15 ms. */
	static final Duration SLACK = Duration.ofMillis(400);

	static final UnresponsiveProviders providers = newProviders();

	/** Signs provider-issuer JWTs; its own endpoints are not used here. */
	static final FakeOAuthProvider signer = new FakeOAuthProvider();

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("authwatch.oauth.issuer", signer::issuer);
		registry.add("authwatch.oauth.introspection-uri", () -> providers.hanging("/introspect"));
		registry.add("authwatch.oauth.jwks-uri", () -> providers.down("/jwks"));
		registry.add("authwatch.oauth.audience", () -> FakeOAuthProvider.AUDIENCE);
		registry.add("authwatch.oauth.client-id", () -> FakeOAuthProvider.CLIENT_ID);
		registry.add("authwatch.oauth.client-secret", () -> FakeOAuthProvider.CLIENT_SECRET);
	}

	private static UnresponsiveProviders newProviders() {
		try {
			return new UnresponsiveProviders();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stopProviders() throws Exception {
		providers.close();
		signer.close();
	}

	@BeforeEach
	void closeTheBreaker() {
		breaker().reset();
	}

	@Test
	void hangingProviderFailsTheHandshakeWithinTheTimeoutAsProviderUnavailable() throws Exception {
		// The first provider call of a fresh JVM also pays for class loading; time a warm
		// one.
		assertThat(RawHandshake.to(this.port).bearer("opaque-warm-up").send().status()).isEqualTo(503);
		long start = System.nanoTime();
		RawHandshake.Response response = RawHandshake.to(this.port)
			.bearer("opaque-token-for-a-hanging-provider")
			.send();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("\"error\":\"provider_unavailable\"");
		assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(TIMEOUT.plus(SLACK));
	}

	@Test
	void providerThatIsDownFailsTheHandshakeAtOnceAsProviderUnavailable() throws Exception {
		long start = System.nanoTime();
		RawHandshake.Response response = RawHandshake.to(this.port).bearer(signer.jwt("dora")).send();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("\"error\":\"provider_unavailable\"");
		assertThat(elapsed).isLessThan(TIMEOUT);
		String metrics = HttpCalls.get(this.port, "/metrics").body();
		assertThat(metrics).contains("auth_oauth_total{result=\"failure\",step=\"jwks\"}")
			.doesNotContain("auth_oauth_total{result=\"failure\",step=\"jwks\"} 0.0")
			.contains("auth_errors_total{error_type=\"provider_unavailable\"}");
	}

	@Test
	void breakerOpensAfterEnoughFailuresAndThenRefusesWithoutCallingTheProvider() throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(RawHandshake.to(this.port).bearer(signer.jwt("dora")).send().status()).isEqualTo(503);
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		long start = System.nanoTime();
		RawHandshake.Response response = RawHandshake.to(this.port)
			.bearer("opaque-token-for-a-hanging-provider")
			.send();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("\"error\":\"provider_unavailable\"").contains("circuit breaker is open");
		assertThat(elapsed).isLessThan(TIMEOUT);
	}

	@Test
	void jwtHandshakesAreUnaffectedWhileTheProviderIsDown() throws Exception {
		breaker().transitionToOpenState();

		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice", "user"))) {
			assertThat(client.next().get("method").asString()).isEqualTo("jwt");
		}
	}

	@Test
	void anOpenProviderBreakerIsAlertedOnButKeepsTheInstanceReady() throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(RawHandshake.to(this.port).bearer(signer.jwt("dora")).send().status()).isEqualTo(503);
		}
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		var readiness = HttpCalls.get(this.port, "/health/readiness");
		var health = AdminCalls.as(this.port, TestTokens.valid("root", "admin")).get("/health");

		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(health.statusCode()).isEqualTo(503);
		JsonNode wsAuth = JsonMapper.builder().build().readTree(health.body()).path("components").path("wsAuth");
		assertThat(wsAuth.path("status").asString()).isEqualTo("DOWN");
		assertThat(wsAuth.path("details").path("level").asString()).isEqualTo("critical");
		assertThat(wsAuth.path("details").path("breakers").path("oauth").asString()).isEqualTo("OPEN");
		assertThat(HttpCalls.get(this.port, "/metrics").body()).contains("auth_health_status 3.0");
	}

	private CircuitBreaker breaker() {
		return this.breakers.circuitBreaker(OAuthConfiguration.BREAKER);
	}

}
