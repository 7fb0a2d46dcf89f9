package dev.authwatch.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authwatch.support.HttpCalls;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.RunningApp;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AuthWatch talks to Redis over TLS (the embedded Redis binary is built with TLS) with a
 * password, trusting the server's certificate through a Spring SSL bundle, the way
 * docs/security.md tells operators to configure it. The certificate is made here with the
 * JDK's keytool.
 */
class RedisTlsTest {

	private static final String PASSWORD = "tls-Redis-Secret-2718";

	private static final String STORE_PASSWORD = "changeit";

	@TempDir
	static Path certificates;

	private static int tlsPort;

	private static RedisServer redis;

	@BeforeAll
	static void startRedisWithTls() throws Exception {
		Path keyStore = certificates.resolve("redis.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "redis", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", STORE_PASSWORD)
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(keyStore)) {
			store.load(in, STORE_PASSWORD.toCharArray());
		}
		Certificate certificate = store.getCertificate("redis");
		PrivateKey key = (PrivateKey) store.getKey("redis", STORE_PASSWORD.toCharArray());
		Files.writeString(certificates.resolve("redis.crt"), pem("CERTIFICATE", certificate.getEncoded()));
		Files.writeString(certificates.resolve("redis.key"), pem("PRIVATE KEY", key.getEncoded()));

		tlsPort = RedisTestServer.freePort();
		redis = RedisServer.newRedisServer()
			.port(RedisTestServer.freePort())
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("requirepass " + PASSWORD)
			.setting("tls-port " + tlsPort)
			.setting("tls-cert-file " + certificates.resolve("redis.crt"))
			.setting("tls-key-file " + certificates.resolve("redis.key"))
			.setting("tls-ca-cert-file " + certificates.resolve("redis.crt"))
			.setting("tls-auth-clients no")
			.build();
		redis.start();
	}

	@AfterAll
	static void stopRedis() throws IOException {
		if (redis != null) {
			redis.stop();
		}
	}

	@Test
	void ticketsTravelToRedisOverTlsWithAPassword() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("authwatch.jwt.secret", TestSecrets.CURRENT);
		properties.put("authwatch.store", "redis");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", tlsPort);
		properties.put("spring.data.redis.password", PASSWORD);
		properties.put("spring.data.redis.ssl.enabled", "true");
		properties.put("spring.data.redis.ssl.bundle", "redis");
		properties.put("spring.ssl.bundle.pem.redis.truststore.certificate",
				"file:" + certificates.resolve("redis.crt"));
		try (RunningApp app = RunningApp.start(properties)) {
			var minted = HttpCalls.post(app.port(), "/api/auth/ticket", TestTokens.valid("alice"));
			assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
			String ticket = JsonMapper.builder().build().readTree(minted.body()).get("ticket").asString();

			assertThat(RawHandshake.to(app.port()).path("/ws/chat?ticket=" + ticket).send().status()).isEqualTo(101);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
