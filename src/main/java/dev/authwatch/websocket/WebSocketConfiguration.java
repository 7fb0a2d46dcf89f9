package dev.authwatch.websocket;


import dev.authwatch.auth.AuthenticationChain;
import dev.authwatch.auth.HandshakeTraces;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	static final String CHAT_PATH = "/ws/chat";

	private final AuthenticationChain chain;

	private final ChatWebSocketHandler handler;

	private final HandshakeTraces traces;

	private final JsonMapper json;

	WebSocketConfiguration(AuthenticationChain chain, ChatWebSocketHandler handler, HandshakeTraces traces, JsonMapper json) {
		this.chain = chain;
		this.handler = handler;
		this.traces = traces;
		this.json = json;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry handlers) {
		handlers.addHandler(this.handler, CHAT_PATH)
			.addInterceptors(new AuthHandshakeInterceptor(this.chain, this.traces, this.json))
			// The chain checks Origin itself so that a refusal gets a JSON body and a metric.
			.setAllowedOriginPatterns("*");
	}

	/** Container limits: frames above 64 KiB are refused unbuffered, idle connections time out. */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(WebSocketProperties properties) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(WebSocketProperties.CONTAINER_TEXT_LIMIT_BYTES);
		container.setMaxBinaryMessageBufferSize(1024);
		container.setMaxSessionIdleTimeout(properties.idleTimeout().toMillis());
		return container;
	}

}
