package dev.authwatch.bench.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The unauthenticated control of the churn benchmark: a no-op Spring WebSocket handler at
 * {@code /bench/plain}, in the same container and process as {@code /ws/chat}. It is never part of
 * the service jar: the load generator packs this package into {@code target/bench-server.jar} and
 * starts the service with {@code -Dloader.path} pointing at it. The build compiles it with the tests,
 * so it also needs {@code authwatch.bench.control-endpoint=true}: test contexts never get it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("authwatch.bench.control-endpoint")
public class PlainWebSocketConfiguration implements WebSocketConfigurer {

	public static final String PATH = "/bench/plain";

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new TextWebSocketHandler(), PATH).setAllowedOriginPatterns("*");
	}

}
