package dev.authwatch.token;

import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.RawHandshake;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session logins, the cookie handshake and its origin and CSRF protection, as a browser
 * sees them.
 */
interface SessionFlowContract {

	String ALLOWED_ORIGIN = "https://chat.example.com";

	int port();

	@Test
	default void sessionLoginSetsAHardenedCookieAndTheCookieHandshakeFromTheAllowedOriginConnects() throws Exception {
		AuthApi.Response login = sessionLogin();
		String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();

		assertThat(setCookie).startsWith("SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure");
		assertThat(login.text("csrf_token")).isNotBlank();
		try (ChatClient client = ChatClient.withHeaders(port(),
				Map.of("Cookie", cookie(login), "Origin", ALLOWED_ORIGIN))) {
			assertThat(client.next().get("method").asString()).isEqualTo("session");
		}
	}

	@Test
	default void cookieHandshakeFromAForeignOrWithoutAnOriginIsRefusedAndCounted() throws Exception {
		String cookie = cookie(sessionLogin());
		double csrfBefore = AuthApi.metricValue(port(), "auth_errors_total{error_type=\"csrf\"}");

		RawHandshake.Response foreign = RawHandshake.to(port())
			.header("Cookie", cookie)
			.header("Origin", "https://evil.example")
			.send();
		RawHandshake.Response noOrigin = RawHandshake.to(port()).header("Cookie", cookie).send();

		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.body()).contains("\"error\":\"origin_rejected\"");
		assertThat(noOrigin.status()).isEqualTo(403);
		assertThat(noOrigin.body()).contains("\"error\":\"csrf\"");
		assertThat(AuthApi.metricValue(port(), "auth_errors_total{error_type=\"csrf\"}")).isEqualTo(csrfBefore + 1);
	}

	@Test
	default void cookieLogoutNeedsTheCsrfTokenThenEndsTheSessionAndClosesItsSocket() throws Exception {
		AuthApi.Response login = sessionLogin();
		String cookie = cookie(login);
		try (ChatClient client = ChatClient.withHeaders(port(), Map.of("Cookie", cookie, "Origin", ALLOWED_ORIGIN))) {
			client.next();

			AuthApi.Response forged = AuthApi.on(port()).header("Cookie", cookie).post("/api/auth/logout", Map.of());
			AuthApi.Response logout = AuthApi.on(port())
				.header("Cookie", cookie)
				.header("X-CSRF-Token", login.text("csrf_token"))
				.post("/api/auth/logout", Map.of());

			assertThat(forged.status()).isEqualTo(403);
			assertThat(forged.error()).isEqualTo("csrf");
			assertThat(logout.status()).isEqualTo(204);
			assertThat(client.awaitClose()).isEqualTo(4003);
		}
		RawHandshake.Response after = RawHandshake.to(port())
			.header("Cookie", cookie)
			.header("Origin", ALLOWED_ORIGIN)
			.send();
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.body()).contains("\"error\":\"session_invalid\"");
	}

	@Test
	default void reuseOfTheSessionsRefreshTokenAlsoEndsTheSession() throws Exception {
		AuthApi.Response login = sessionLogin();
		AuthApi.on(port()).post("/api/auth/refresh", Map.of("refresh_token", login.text("refresh_token")));
		AuthApi.on(port()).post("/api/auth/refresh", Map.of("refresh_token", login.text("refresh_token")));

		RawHandshake.Response handshake = RawHandshake.to(port())
			.header("Cookie", cookie(login))
			.header("Origin", ALLOWED_ORIGIN)
			.send();

		assertThat(handshake.status()).isEqualTo(401);
		assertThat(handshake.body()).contains("\"error\":\"revoked\"");
	}

	private AuthApi.Response sessionLogin() throws Exception {
		AuthApi.Response login = AuthApi.on(port())
			.post("/api/auth/login", Map.of("username", "alice", "password", "alice-password", "session", true));
		assertThat(login.status()).isEqualTo(200);
		return login;
	}

	private static String cookie(AuthApi.Response login) {
		String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

}
