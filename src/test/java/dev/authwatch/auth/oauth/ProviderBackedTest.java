package dev.authwatch.auth.oauth;

import java.time.Duration;

import dev.authwatch.support.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service configured against one {@link FakeOAuthProvider} for both the oauth
 * chain method and OAuth login. Test classes extending this share one application context
 * and one provider (it lives as long as the test JVM).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
abstract class ProviderBackedTest {

	static final FakeOAuthProvider provider = new FakeOAuthProvider();

	/**
	 * Long enough that fifty handshakes fit inside one cool-down even on a loaded CI
	 * machine.
	 */
	static final Duration JWKS_COOLDOWN = Duration.ofSeconds(3);

	static final String REDIRECT_URI = "https://chat.example.com/api/auth/oauth/callback";

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
		registry.add("authwatch.oauth.jwks-refresh-cooldown", JWKS_COOLDOWN::toString);
		registry.add("authwatch.oauth.authorization-uri", () -> provider.uri("/authorize"));
		registry.add("authwatch.oauth.token-uri", () -> provider.uri("/token"));
		registry.add("authwatch.oauth.userinfo-uri", () -> provider.uri("/userinfo"));
		registry.add("authwatch.oauth.redirect-uri", () -> REDIRECT_URI);
	}

	static double value(String metrics, String series) {
		return metrics.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("series not found: " + series));
	}

}
