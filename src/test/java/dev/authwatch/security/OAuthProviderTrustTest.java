package dev.authwatch.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.oauth.FakeOAuthProvider;
import dev.authwatch.support.AdminCalls;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an identity provider says is evidence about the provider's user, not about
 * AuthWatch's: its tokens must be meant for AuthWatch ({@code aud}), its roles grant only
 * what the role mapping says, and its subjects live in their own namespace, so that a
 * provider user called {@code root} is not the local {@code root}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, TestUsers.BOB,
				TestUsers.BOB_PASSWORD, TestUsers.ROOT, TestUsers.ROOT_PASSWORD, TestUsers.ROOT_ROLES,
				"authwatch.oauth.role-mapping.operators=admin", "authwatch.oauth.role-mapping.staff=user",
				"authwatch.oauth.subject-mapping.idp-7f3a=root" })
class OAuthProviderTrustTest {

	private static final FakeOAuthProvider provider = new FakeOAuthProvider();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("authwatch.oauth.issuer", provider::issuer);
		registry.add("authwatch.oauth.introspection-uri", () -> provider.uri("/introspect"));
		registry.add("authwatch.oauth.jwks-uri", () -> provider.uri("/jwks"));
		registry.add("authwatch.oauth.audience", () -> FakeOAuthProvider.AUDIENCE);
		registry.add("authwatch.oauth.client-id", () -> FakeOAuthProvider.CLIENT_ID);
		registry.add("authwatch.oauth.client-secret", () -> FakeOAuthProvider.CLIENT_SECRET);
		registry.add("authwatch.oauth.authorization-uri", () -> provider.uri("/authorize"));
		registry.add("authwatch.oauth.token-uri", () -> provider.uri("/token"));
		registry.add("authwatch.oauth.userinfo-uri", () -> provider.uri("/userinfo"));
		registry.add("authwatch.oauth.redirect-uri", () -> "https://chat.example.com/api/auth/oauth/callback");
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void acceptingProviderJwtsWithoutAnAudienceStopsStartupNamingTheProperty() {
		assertThatThrownBy(
				() -> RunningApp
					.start(Map.of("authwatch.jwt.secret", TestSecrets.CURRENT, "authwatch.oauth.issuer",
							provider.issuer(), "authwatch.oauth.jwks-uri", provider.uri("/jwks")))
					.close())
			.rootCause()
			.hasMessageContaining("authwatch.oauth.audience");
	}

	@Test
	void providerJwtWithoutAnAudienceIsWrongAudience() throws Exception {
		String token = provider.jwt("nadia", (claims) -> claims.audience((String) null));

		assertRefusedAsWrongAudience(token);
	}

	@Test
	void providerJwtForAnotherServiceIsWrongAudience() throws Exception {
		String token = provider.jwt("nadia", (claims) -> claims.audience(List.of("billing-api", "reports")));

		assertRefusedAsWrongAudience(token);
	}

	@Test
	void introspectedTokenForAnotherServiceIsWrongAudience() throws Exception {
		String token = provider.opaqueToken("nadia", 300, (claims) -> claims.put("aud", List.of("billing-api")));

		assertRefusedAsWrongAudience(token);
	}

	@Test
	void providerRoleAdminDoesNotMakeAnAuthWatchAdmin() throws Exception {
		String token = oauthLogin(Map.of("sub", "mallory", "roles", List.of("admin", "user")));

		assertThat(claims(token).path("roles").toString()).doesNotContain("admin");
		assertThat(AdminCalls.as(this.port, token).get(AdminCalls.BASE + "/metrics").statusCode()).isEqualTo(403);
	}

	@Test
	void providerSubjectEqualToALocalUsernameIsNotThatUser() throws Exception {
		String token = oauthLogin(Map.of("sub", "root", "roles", List.of("user")));
		assertThat(claims(token).path("sub").asString()).isEqualTo("oauth:root");
		assertThat(AdminCalls.as(this.port, token).get(AdminCalls.BASE + "/metrics").statusCode()).isEqualTo(403);

		try (ChatClient client = ChatClient.withBearerHeader(this.port, provider.opaqueToken("root", 300, "admin"))) {
			assertThat(client.next().get("user").asString()).isEqualTo("oauth:root");
			JsonNode localRoot = JSON.readTree(AdminCalls.as(this.port, TestTokens.valid("auditor", "admin"))
				.get(AdminCalls.BASE + "/session/root")
				.body());
			assertThat(localRoot.path("connections")).as("the local root's sessions").isEmpty();
		}
	}

	@Test
	void explicitMappingsGrantWhatTheyName() throws Exception {
		String token = oauthLogin(Map.of("sub", "idp-7f3a", "roles", List.of("operators", "staff", "unmapped")));

		JsonNode claims = claims(token);
		assertThat(claims.path("sub").asString()).isEqualTo("root");
		assertThat(claims.path("roles").toString()).contains("admin")
			.contains("user")
			.doesNotContain("operators", "unmapped");
		assertThat(AdminCalls.as(this.port, token).get(AdminCalls.BASE + "/metrics").statusCode()).isEqualTo(200);
	}

	private void assertRefusedAsWrongAudience(String token) throws Exception {
		RawHandshake.Response response = RawHandshake.to(this.port).bearer(token).send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"wrong_audience\"");
	}

	private String oauthLogin(Map<String, Object> userinfo) throws Exception {
		HttpResponse<String> response = provider.login(this.port, userinfo);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
