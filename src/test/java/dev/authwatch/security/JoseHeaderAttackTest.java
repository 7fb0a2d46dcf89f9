package dev.authwatch.security;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JOSE header parameters an attacker (or a careless issuer holding the secret) puts in a
 * token, against real handshakes: every one is refused before the upgrade with a counted
 * taxonomy reason, and a key the token points to is never fetched. The full table is
 * JoseHeaderParametersTest.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
class JoseHeaderAttackTest {

	private static final String ATTACKER_SECRET = "Qm9y2xZk7TnV4pWc8sHd1LfR6gJa3EuY5oKi0MbN";

	@LocalServerPort
	int port;

	@Test
	void tokenSignedWithTheKeyItCarriesIsMalformed() throws Exception {
		String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"jwk\":{\"kty\":\"oct\",\"k\":\""
				+ TestTokens.encode(TestSecrets.bytes(ATTACKER_SECRET)) + "\"}}";

		assertRefused(signedWith(ATTACKER_SECRET, header), "malformed");
	}

	@Test
	void keyUrlsInTheHeaderAreNeverFetched() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		HttpServer keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		keyServer.createContext("/", (exchange) -> {
			fetches.incrementAndGet();
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		keyServer.start();
		try {
			String base = "http://127.0.0.1:" + keyServer.getAddress().getPort();
			for (String member : new String[] { "\"jku\":\"" + base + "/jwks.json\"",
					"\"x5u\":\"" + base + "/cert.pem\"" }) {
				assertRefused(signedWith(ATTACKER_SECRET, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"," + member + "}"),
						"malformed");
			}
		}
		finally {
			keyServer.stop(0);
		}
		assertThat(fetches).hasValue(0);
	}

	@Test
	void unencodedPayloadOptionIsMalformedWithOrWithoutCrit() throws Exception {
		assertRefused(TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"b64\":false}", payload()), "malformed");
		assertRefused(
				TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"b64\":false,\"crit\":[\"b64\"]}", payload()),
				"malformed");
	}

	@Test
	void encryptionHeaderOnASignedTokenIsMalformed() throws Exception {
		assertRefused(TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"enc\":\"A256GCM\"}", payload()),
				"malformed");
	}

	@Test
	void emptyOrNullCriticalListIsMalformed() throws Exception {
		assertRefused(TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":[]}", payload()), "malformed");
		assertRefused(TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":null}", payload()), "malformed");
	}

	@Test
	void tokenTypeThatMatchesOnlyThroughUnicodeCaseFoldingIsWrongTokenType() throws Exception {
		assertRefused(TestTokens.raw("{\"alg\":\"HS256\",\"typ\":\"applıcation/at+jwt\"}", payload()),
				"wrong_token_type");
	}

	private void assertRefused(String token, String reason) throws Exception {
		double before = errors(reason);

		RawHandshake.Response response = RawHandshake.to(this.port).bearer(token).send();

		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.body()).startsWith("{\"error\":\"" + reason + "\"").doesNotContain(token);
		assertThat(errors(reason)).isEqualTo(before + 1);
	}

	private double errors(String reason) throws Exception {
		String prefix = "auth_errors_total{error_type=\"" + reason + "\"} ";
		return HttpCalls.get(this.port, "/metrics")
			.body()
			.lines()
			.filter((line) -> line.startsWith(prefix))
			.mapToDouble((line) -> Double.parseDouble(line.substring(prefix.length())))
			.sum();
	}

	private static String payload() {
		return TestTokens.validPayload("mallory", Instant.now().getEpochSecond());
	}

	private static String signedWith(String secret, String header) {
		String signingInput = TestTokens.encode(header) + "." + TestTokens.encode(payload());
		return signingInput + "." + TestTokens.hs256(secret, signingInput);
	}

}
