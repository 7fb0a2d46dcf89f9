package dev.authwatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Redis server for the tests: the one named by {@code AUTHWATCH_TEST_REDIS_URL}
 * ({@code redis://host:port}) when set, otherwise the Redis binary that embedded-redis
 * ships, started once per test JVM on a free port and stopped when the JVM exits.
 */
public final class RedisTestServer {

	private static final String URL_VARIABLE = "AUTHWATCH_TEST_REDIS_URL";

	private static final int FIRST_PORT = 20000;

	private static final int PORTS = 12000;

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

	/**
	 * A started connection factory to the test Redis, for tests of the Redis classes
	 * themselves; the caller destroys it.
	 */
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

	/**
	 * A port nothing listens on, below Linux's ephemeral range (32768 and up): on a
	 * machine busy with outgoing connections an ephemeral port is soon taken by one of
	 * them, between this call and the bind or while a server that held it restarts.
	 */
	public static int freePort() throws IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = FIRST_PORT + ThreadLocalRandom.current().nextInt(PORTS);
			try (ServerSocket socket = new ServerSocket(port)) {
				return port;
			}
			catch (IOException ex) {
				// Taken: try another.
			}
		}
		throw new IOException("No free port in " + FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
	}

}
