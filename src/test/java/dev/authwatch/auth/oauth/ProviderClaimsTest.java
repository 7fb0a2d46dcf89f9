package dev.authwatch.auth.oauth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderClaimsTest {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	private final ProviderClaims claims = new ProviderClaims(
			properties(Map.of("authwatch.oauth.audience", "chat", "authwatch.oauth.role-mapping.operators", "admin",
					"authwatch.oauth.role-mapping.staff", "user", "authwatch.oauth.subject-mapping.idp-42", "root")),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void unmappedProviderRolesGrantNothingAndAdminOnlyThroughTheMapping() {
		assertThat(this.claims.roles(Map.of("roles", List.of("admin", "superuser")))).containsExactly("user");
		assertThat(this.claims.roles(Map.of("roles", List.of("operators", "staff", "admin"))))
			.containsExactlyInAnyOrder("admin", "user");
		assertThat(this.claims.roles(Map.of())).containsExactly("user");
	}

	@Test
	void subjectsAreNamespacedUnlessMapped() {
		assertThat(this.claims.userId("root")).isEqualTo("oauth:root");
		assertThat(this.claims.userId("idp-42")).isEqualTo("root");
	}

	@Test
	void audienceIsComparedWholeAndRequiredWhenConfigured() {
		assertThat(decide(Map.of("sub", "a", "aud", "chat"))).isInstanceOf(AuthDecision.Authenticated.class);
		assertThat(decide(Map.of("sub", "a", "aud", List.of("billing", "chat"))))
			.isInstanceOf(AuthDecision.Authenticated.class);
		assertThat(reason(Map.of("sub", "a", "aud", "billing chat"))).isEqualTo(FailureReason.WRONG_AUDIENCE);
		assertThat(reason(Map.of("sub", "a"))).isEqualTo(FailureReason.WRONG_AUDIENCE);
	}

	private AuthDecision decide(Map<String, Object> tokenClaims) {
		return this.claims.toDecision(tokenClaims);
	}

	private FailureReason reason(Map<String, Object> tokenClaims) {
		return ((AuthDecision.Rejected) decide(tokenClaims)).reason();
	}

	private static OAuthProperties properties(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("authwatch.oauth",
				OAuthProperties.class);
	}

}
