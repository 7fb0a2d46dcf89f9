package dev.authwatch.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.authwatch.support.AuthApi;
import dev.authwatch.support.ChatClient;
import dev.authwatch.support.CredentialsTest;
import dev.authwatch.support.RawHandshake;
import dev.authwatch.support.RedisTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login sessions in Redis are JSON, never Java serialization: whoever can write to Redis
 * must not be able to hand the service a serialized object graph (a deserialization
 * gadget) to instantiate. The raw hash is read straight from Redis; a session that went
 * through it still authenticates a WebSocket handshake.
 */
@CredentialsTest
class RedisSessionSerializationTest {

	private static final String ORIGIN = "https://chat.example.com";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RedisConnectionFactory redis;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisTestServer.register(registry);
	}

	@Test
	void sessionsAreStoredAsJsonAndStillAuthenticateAHandshake() throws Exception {
		String cookie = sessionCookie();

		Map<String, byte[]> stored = storedSession(cookie);

		assertThat(stored).containsKeys("creationTime", "lastAccessedTime", "maxInactiveInterval",
				"sessionAttr:authwatch.user", "sessionAttr:authwatch.csrf");
		stored.forEach((field, value) -> {
			assertThat(value.length >= 2 && value[0] == (byte) 0xAC && value[1] == (byte) 0xED)
				.as(field + " is Java serialization")
				.isFalse();
			JsonNode json = JSON.readTree(value);
			assertThat(json.isString() || json.isIntegralNumber()).as(field + " = " + json).isTrue();
		});
		assertThat(JSON.readTree(stored.get("sessionAttr:authwatch.user")).asString()).isEqualTo("alice");
		try (ChatClient client = ChatClient.withHeaders(this.port, Map.of("Cookie", cookie, "Origin", ORIGIN))) {
			JsonNode welcome = client.next();
			assertThat(welcome.get("method").asString()).isEqualTo("session");
			assertThat(welcome.get("user").asString()).isEqualTo("alice");
		}
	}

	@Test
	void aJavaSerializedAttributeWrittenIntoRedisIsNeverDeserialized() throws Exception {
		String cookie = sessionCookie();
		byte[] serializedObject = javaSerialized(new java.util.ArrayList<>(java.util.List.of("gadget")));
		try (RedisConnection connection = this.redis.getConnection()) {
			connection.hashCommands().hSet(key(cookie), bytes("sessionAttr:authwatch.user"), serializedObject);
		}

		RawHandshake.Response response = RawHandshake.to(this.port)
			.header("Cookie", cookie)
			.header("Origin", ORIGIN)
			.send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"error\":\"session_invalid\"").doesNotContain("gadget");
	}

	private String sessionCookie() throws Exception {
		AuthApi.Response login = AuthApi.on(this.port)
			.post("/api/auth/login", Map.of("username", "alice", "password", "alice-password", "session", true));
		assertThat(login.status()).isEqualTo(200);
		String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	private Map<String, byte[]> storedSession(String cookie) {
		try (RedisConnection connection = this.redis.getConnection()) {
			Map<String, byte[]> fields = new LinkedHashMap<>();
			connection.hashCommands()
				.hGetAll(key(cookie))
				.forEach((field, value) -> fields.put(new String(field, StandardCharsets.UTF_8), value));
			return fields;
		}
	}

	/** Spring Session's cookie carries the session id base64-encoded. */
	private static byte[] key(String cookie) {
		String id = new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)),
				StandardCharsets.UTF_8);
		return bytes("authwatch:session:sessions:" + id);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] javaSerialized(java.io.Serializable value) throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream objects = new java.io.ObjectOutputStream(out)) {
			objects.writeObject(value);
		}
		return out.toByteArray();
	}

}
