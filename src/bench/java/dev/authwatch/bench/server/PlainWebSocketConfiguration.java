package dev.authwatch.bench.server;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The unauthenticated controls of the churn benchmark, in the same container and process as
 * {@code /ws/chat}: a no-op Spring WebSocket handler at {@code /bench/plain}, and at
 * {@code /bench/welcome} one that, like the chat, writes a welcome-sized text frame as soon as the
 * connection opens (SPEC §1 requires the chat's welcome), so that the cost of that second write can
 * be told apart from the cost of authentication and monitoring. Never part of the service jar: the
 * load generator packs this package into {@code target/bench-server.jar} and starts the service with
 * {@code -Dloader.path} pointing at it. The build compiles it with the tests, so it also needs
 * {@code authwatch.bench.control-endpoint=true}: test contexts never get it. The controls go
 * through Spring MVC's WebSocket mapping, which {@code /ws/chat} no longer uses, so they enable it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("authwatch.bench.control-endpoint")
@EnableWebSocket
public class PlainWebSocketConfiguration implements WebSocketConfigurer {

	public static final String PATH = "/bench/plain";

	public static final String WELCOME_PATH = "/bench/welcome";

	/** As long as the chat's welcome to a churn user. */
	private static final TextMessage WELCOME = new TextMessage(
			"{\"type\":\"welcome\",\"user\":\"churn-user-999\",\"method\":\"jwt\",\"expiresAt\":\"2026-11-25T23:59:59Z\"}");

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new TextWebSocketHandler(), PATH).setAllowedOriginPatterns("*");
		registry.addHandler(new WelcomingHandler(), WELCOME_PATH).setAllowedOriginPatterns("*");
	}

	private static final class WelcomingHandler extends TextWebSocketHandler {

		@Override
		public void afterConnectionEstablished(WebSocketSession session) throws IOException {
			session.sendMessage(WELCOME);
		}

	}

}
