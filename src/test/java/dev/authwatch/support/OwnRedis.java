package dev.authwatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Redis of one test class's own, on a free port, keeping nothing on disk: for a test
 * that stops, restarts or pauses its store, which the shared {@link RedisTestServer} must
 * never do under the other tests. Registered as an extension
 * ({@code @RegisterExtension static final OwnRedis redis = OwnRedis.start();}), it stops
 * after the class.
 */
public final class OwnRedis implements AfterAllCallback {

	private final int port;

	private RedisServer server;

	private OwnRedis(int port) {
		this.port = port;
		this.server = started(port);
	}

	public static OwnRedis start() {
		try {
			return new OwnRedis(RedisTestServer.freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** Points the application under test at this Redis. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("authwatch.store", () -> "redis");
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> this.port);
	}

	public void stop() throws IOException {
		this.server.stop();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		stop();
	}

	/** Starts it again on the same port, empty. */
	public void restart() {
		this.server = started(this.port);
	}

	private static RedisServer started(int port) {
		try {
			RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start Redis on port " + port, ex);
		}
	}

}
