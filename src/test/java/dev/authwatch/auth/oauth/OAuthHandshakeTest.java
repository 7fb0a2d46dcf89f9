package dev.authwatch.auth.oauth;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The oauth chain method against a real HTTP provider: introspection, JWK set, routing,
 * cache, metrics.
 */
class OAuthHandshakeTest extends ProviderBackedTest {

	@Test
	void opaqueTokenFromTheProviderOpensAWebSocket() throws Exception {
		String token = provider.opaqueToken("olivia", 300, "user");

		try (ChatClient client = ChatClient.withBearerHeader(this.port, token)) {
			JsonNode welcome = client.next();

			assertThat(welcome.get("type").asString()).isEqualTo("welcome");
			assertThat(welcome.get("user").asString()).isEqualTo("oauth:olivia");
			assertThat(welcome.get("method").asString()).isEqualTo("oauth");
		}
	}

	@Test
	void jwtCarryingTheProvidersIssuerOpensAWebSocketThroughTheJwkSet() throws Exception {
		int introspectionsBefore = provider.introspections.get();

		try (ChatClient client = ChatClient.withBearerSubprotocol(this.port, provider.jwt("jasper"))) {
			JsonNode welcome = client.next();

			assertThat(welcome.get("user").asString()).isEqualTo("oauth:jasper");
			assertThat(welcome.get("method").asString()).isEqualTo("oauth");
		}
		assertThat(provider.introspections.get()).isEqualTo(introspectionsBefore);
	}

	@Test
	void aValidatedTokenIsServedFromTheCacheWithoutASecondIntrospection() throws Exception {
		String token = provider.opaqueToken("cached-carol", 300, "user");
		assertThat(RawHandshake.to(this.port).bearer(token).send().status()).isEqualTo(101);
		int introspections = provider.introspections.get();

		assertThat(RawHandshake.to(this.port).bearer(token).send().status()).isEqualTo(101);

		assertThat(provider.introspections.get()).isEqualTo(introspections);
	}

	@Test
	void tokenTheProviderReportsInactiveIsExpired() throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port).bearer("opaque-never-issued").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"expired\"").doesNotContain("opaque-never-issued");
	}

	@Test
	void authWatchsOwnJwtStillGoesToTheJwtMethod() throws Exception {
		int introspections = provider.introspections.get();
		try (ChatClient client = ChatClient.withBearerHeader(this.port, TestTokens.valid("alice", "user"))) {
			assertThat(client.next().get("method").asString()).isEqualTo("jwt");
		}
		assertThat(provider.introspections.get()).isEqualTo(introspections);
	}

	@Test
	void jwtFromAnIssuerNobodyAcceptsIsWrongIssuer() throws Exception {
		String token = TestTokens.customised((b) -> b.issuer("https://someone-else.example"));

		RawHandshake.Response response = RawHandshake.to(this.port).bearer(token).send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"wrong_issuer\"");
	}

	@Test
	void floodOfUnknownKeyIdsCostsAtMostOneJwksFetchPerCooldown() throws Exception {
		// Warm the JWK set, then wait out the cool-down so the flood may cause exactly
		// one refetch.
		assertThat(RawHandshake.to(this.port).bearer(provider.jwt("warm")).send().status()).isEqualTo(101);
		await().pollDelay(JWKS_COOLDOWN).atMost(JWKS_COOLDOWN.multipliedBy(3)).until(() -> true);
		int before = provider.jwksFetches.get();

		long floodStart = System.nanoTime();
		for (int i = 0; i < 50; i++) {
			RawHandshake.Response response = RawHandshake.to(this.port)
				.bearer(provider.jwt("mallory", "bogus-" + i))
				.send();
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body()).contains("\"error\":\"unknown_key\"");
		}
		// One fetch per cool-down begun during the flood: one, unless a loaded machine
		// made the flood
		// itself outlast the cool-down.
		long cooldownsBegun = 1 + (System.nanoTime() - floodStart) / JWKS_COOLDOWN.toNanos();
		assertThat(provider.jwksFetches.get() - before).isBetween(1, (int) cooldownsBegun);
		int afterFlood = provider.jwksFetches.get();
		// After the cool-down, the next unknown kid may look again, once.
		await().pollDelay(JWKS_COOLDOWN).atMost(JWKS_COOLDOWN.multipliedBy(3)).until(() -> true);
		RawHandshake.to(this.port).bearer(provider.jwt("mallory", "bogus-late")).send();
		RawHandshake.to(this.port).bearer(provider.jwt("mallory", "bogus-later")).send();
		assertThat(provider.jwksFetches.get() - afterFlood).isEqualTo(1);
	}

	@Test
	void oauthStepsAndJwksFreshnessAreInMetrics() throws Exception {
		RawHandshake.to(this.port).bearer(provider.opaqueToken("metrics-olga", 300, "user")).send();
		RawHandshake.to(this.port).bearer(provider.jwt("metrics-jim")).send();

		String metrics = HttpCalls.get(this.port, "/metrics").body();

		assertThat(metrics).contains("auth_oauth_total{result=\"success\",step=\"introspect\"}")
			.contains("auth_oauth_total{result=\"failure\",step=\"introspect\"}")
			.contains("auth_oauth_total{result=\"success\",step=\"jwks\"}")
			.contains("auth_oauth_total{result=\"failure\",step=\"authorize\"}")
			.contains("auth_oauth_total{result=\"success\",step=\"userinfo\"}")
			.contains("auth_oauth_jwks_last_success_timestamp_seconds")
			.contains("auth_logins_total{method=\"oauth\",result=\"success\"}")
			.contains("auth_operation_latency_seconds_count{operation=\"oauth_introspect\"}")
			.contains("resilience4j_circuitbreaker_state{name=\"oauth\"")
			.doesNotContain("metrics-olga")
			.doesNotContain("metrics-jim");
		assertThat(value(metrics, "auth_oauth_total{result=\"success\",step=\"introspect\"}"))
			.isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "auth_oauth_jwks_last_success_timestamp_seconds")).isGreaterThan(1.7e9);
	}

}
