package dev.authwatch.auth.oauth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.authwatch.support.ChatClient;
import dev.authwatch.support.HttpCalls;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth login (authorization code + PKCE + state) against a real HTTP provider that
 * verifies PKCE.
 */
class OAuthLoginTest extends ProviderBackedTest {

	private static final HttpClient BROWSER = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What a browser holds after {@code /authorize}: the provider URL it was sent to and
	 * the binding cookie.
	 */
	record StartedLogin(Map<String, String> authorizationRequest, String cookie) {

		String state() {
			return this.authorizationRequest.get("state");
		}

	}

	@Test
	void loginWithPkceIssuesAnAccessTokenThatOpensAWebSocket() throws Exception {
		StartedLogin login = startLogin();
		assertThat(login.authorizationRequest()).containsEntry("code_challenge_method", "S256")
			.containsEntry("response_type", "code")
			.containsEntry("client_id", FakeOAuthProvider.CLIENT_ID)
			.containsEntry("redirect_uri", REDIRECT_URI)
			.containsKeys("state", "code_challenge");
		String code = provider.approve(login.authorizationRequest(),
				Map.of("sub", "oscar", "roles", java.util.List.of("user")));

		HttpResponse<String> response = callback(code, login.state(), login.cookie());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isPositive();
		try (ChatClient client = ChatClient.withBearerHeader(this.port, body.get("access_token").asString())) {
			JsonNode welcome = client.next();
			assertThat(welcome.get("user").asString()).isEqualTo("oauth:oscar");
		}
	}

	@Test
	void replayedStateIsRefusedAsCsrf() throws Exception {
		StartedLogin login = startLogin();
		String code = provider.approve(login.authorizationRequest(), Map.of("sub", "rita"));
		assertThat(callback(code, login.state(), login.cookie()).statusCode()).isEqualTo(200);
		int exchanges = provider.tokenExchanges.get();

		HttpResponse<String> replay = callback(code, login.state(), login.cookie());

		assertThat(replay.statusCode()).isEqualTo(403);
		assertThat(replay.body()).contains("\"error\":\"csrf\"");
		assertThat(provider.tokenExchanges.get()).isEqualTo(exchanges);
	}

	@Test
	void stateFromAnotherBrowserIsRefusedAsCsrf() throws Exception {
		StartedLogin victim = startLogin();
		StartedLogin attacker = startLogin();
		String code = provider.approve(victim.authorizationRequest(), Map.of("sub", "victor"));

		HttpResponse<String> response = callback(code, victim.state(), attacker.cookie());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"error\":\"csrf\"");
	}

	@Test
	void codeIssuedForAnotherLoginFailsPkceAtTheProvider() throws Exception {
		StartedLogin first = startLogin();
		StartedLogin second = startLogin();
		String codeForFirst = provider.approve(first.authorizationRequest(), Map.of("sub", "ivan"));

		HttpResponse<String> response = callback(codeForFirst, second.state(), second.cookie());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"malformed\"");
	}

	@Test
	void loginStepsAreCountedInMetrics() throws Exception {
		StartedLogin login = startLogin();
		callback(provider.approve(login.authorizationRequest(), Map.of("sub", "mona")), login.state(), login.cookie());
		callback("code", "forged-state", login.cookie());

		String metrics = HttpCalls.get(this.port, "/metrics").body();

		for (String step : new String[] { "authorize", "callback", "token_exchange", "userinfo" }) {
			assertThat(value(metrics, "auth_oauth_total{result=\"success\",step=\"" + step + "\"}")).as(step)
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(value(metrics, "auth_oauth_total{result=\"failure\",step=\"callback\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "auth_errors_total{error_type=\"csrf\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "auth_logins_total{method=\"oauth\",result=\"success\"}")).isGreaterThanOrEqualTo(1);
		assertThat(metrics).doesNotContain("mona");
	}

	private StartedLogin startLogin() throws Exception {
		HttpResponse<String> response = BROWSER
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/auth/oauth/authorize"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		String setCookie = response.headers().firstValue("set-cookie").orElseThrow();
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/api/auth/oauth");
		URI location = URI.create(response.headers().firstValue("location").orElseThrow());
		assertThat(location.toString()).startsWith(provider.uri("/authorize"));
		return new StartedLogin(FakeOAuthProvider.query(location), setCookie.substring(0, setCookie.indexOf(';')));
	}

	private HttpResponse<String> callback(String code, String state, String cookie) throws Exception {
		URI uri = URI.create("http://localhost:" + this.port + "/api/auth/oauth/callback?code="
				+ java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8) + "&state="
				+ java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8));
		return BROWSER.send(HttpRequest.newBuilder(uri).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
