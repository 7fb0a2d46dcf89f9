package dev.authwatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Redis server for the tests: the one named by {@code AUTHWATCH_TEST_REDIS_URL}
 * ({@code redis://host:port}) when set, otherwise the Redis binary that embedded-redis ships,
 * started once per test JVM on a free port and stopped when the JVM exits.
 */
public final class RedisTestServer {

	private static final String URL_VARIABLE = "AUTHWATCH_TEST_REDIS_URL";

	private static URI uri;

	private RedisTestServer() {
	}

	public static synchronized URI uri() {
		if (uri == null) {
			String external = System.getenv(URL_VARIABLE);
			uri = (external != null && !external.isBlank()) ? URI.create(external) : startEmbedded();
		}
		return uri;
	}

	/** A started connection factory to the test Redis, for tests of the Redis classes themselves; the caller destroys it. */
	public static LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(uri().getHost(), uri().getPort()));
		connections.afterPropertiesSet();
		connections.start();
		return connections;
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("authwatch.store", () -> "redis");
		registry.add("spring.data.redis.host", () -> uri().getHost());
		registry.add("spring.data.redis.port", () -> uri().getPort());
	}

	private static URI startEmbedded() {
		try {
			int port = freePort();
			RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// The JVM is exiting; the child process dies with it.
				}
			}));
			return URI.create("redis://127.0.0.1:" + port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis server", ex);
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
