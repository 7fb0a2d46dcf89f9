package dev.authwatch.support;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.authwatch.AuthWatchApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole AuthWatch instance started inside the test JVM on a free port, for tests that
 * need several instances at once (drift between them) or one instance restarted
 * (rotation).
 */
public final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningApp start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("spring.main.banner-mode", "off");
		all.putAll(properties);
		// As command-line arguments: they outrank application.yml, as the environment
		// would.
		String[] args = all.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new RunningApp(new SpringApplicationBuilder(AuthWatchApplication.class).run(args));
	}

	/** Properties that put an instance on the shared test Redis. */
	public static Map<String, Object> onRedis() {
		return Map.of("authwatch.store", "redis", "spring.data.redis.host", RedisTestServer.uri().getHost(),
				"spring.data.redis.port", RedisTestServer.uri().getPort());
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	public <T> T bean(String name, Class<T> type) {
		return this.context.getBean(name, type);
	}

	public String baseUrl() {
		return "http://localhost:" + port();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
