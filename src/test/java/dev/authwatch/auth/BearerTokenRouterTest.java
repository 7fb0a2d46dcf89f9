package dev.authwatch.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.authwatch.auth.BearerTokenRouter.ExternalProvider;
import dev.authwatch.auth.BearerTokenRouter.Route;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenRouterTest {

	private final BearerTokenRouter withProvider = new BearerTokenRouter("authwatch",
			new ExternalProvider("https://idp.example"));

	@Test
	void withoutAnExternalProviderEveryTokenIsJwtsAsBefore() {
		BearerTokenRouter jwtOnly = new BearerTokenRouter("authwatch", null);

		assertThat(jwtOnly.route("opaque")).isEqualTo(Route.JWT);
		assertThat(jwtOnly.route(jws("{\"iss\":\"https://idp.example\"}"))).isEqualTo(Route.JWT);
	}

	@Test
	void ownIssuerOrNoIssuerGoesToJwt() {
		assertThat(this.withProvider.route(jws("{\"iss\":\"authwatch\",\"sub\":\"a\"}"))).isEqualTo(Route.JWT);
		assertThat(this.withProvider.route(jws("{\"sub\":\"a\"}"))).isEqualTo(Route.JWT);
	}

	@Test
	void providersIssuerAndOpaqueTokensGoToOauth() {
		assertThat(this.withProvider.route(jws("{\"sub\":\"a\",\"iss\":\"https://idp.example\"}")))
			.isEqualTo(Route.OAUTH);
		assertThat(this.withProvider.route("2YotnFZFEjr1zCsicMWpAA")).isEqualTo(Route.OAUTH);
		assertThat(this.withProvider.route("a.b.c.d.e")).isEqualTo(Route.OAUTH);
	}

	@Test
	void anyOtherIssuerIsForeign() {
		assertThat(this.withProvider.route(jws("{\"iss\":\"https://evil.example\"}"))).isEqualTo(Route.FOREIGN);
	}

	@Test
	void unreadableOrAmbiguousPayloadGoesToJwtWhichCallsItMalformed() {
		assertThat(this.withProvider.route("x.not-base64!.y")).isEqualTo(Route.JWT);
		assertThat(this.withProvider.route(jws("[1,2]"))).isEqualTo(Route.JWT);
		assertThat(this.withProvider.route(jws("{\"iss\":7}"))).isEqualTo(Route.JWT);
		assertThat(this.withProvider.route(jws("{\"iss\":\"authwatch\",\"iss\":\"https://idp.example\"}")))
			.isEqualTo(Route.JWT);
	}

	@Test
	void nestedIssMembersAreIgnored() {
		assertThat(this.withProvider.route(jws("{\"ext\":{\"iss\":\"https://idp.example\"},\"iss\":\"authwatch\"}")))
			.isEqualTo(Route.JWT);
	}

	private static String jws(String payload) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
	}

}
