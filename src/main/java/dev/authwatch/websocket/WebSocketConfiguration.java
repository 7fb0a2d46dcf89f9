package dev.authwatch.websocket;

import dev.authwatch.auth.AuthenticationChain;
import dev.authwatch.auth.HandshakeTraces;
import dev.authwatch.ratelimit.ConnectionCaps;
import io.micrometer.observation.ObservationPredicate;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.ServletWebSocketHandlerRegistry;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class WebSocketConfiguration implements WebSocketConfigurer {

	/** Where chat clients connect (and the admin test connection). */
	public static final String CHAT_PATH = "/ws/chat";

	/**
	 * Characters of a text message the container buffers before handing a part to the
	 * handler.
	 */
	static final int TEXT_PART_CHARS = 512;

	static final int BINARY_BUFFER_BYTES = 128;

	static final int SOCKET_BUFFER_BYTES = 512;

	private final AuthenticationChain chain;

	private final ChatWebSocketHandler handler;

	private final HandshakeTraces traces;

	private final JsonMapper json;

	private final ConnectionCaps caps;

	WebSocketConfiguration(AuthenticationChain chain, ChatWebSocketHandler handler, HandshakeTraces traces,
			JsonMapper json, ConnectionCaps caps) {
		this.chain = chain;
		this.handler = handler;
		this.traces = traces;
		this.json = json;
		this.caps = caps;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry handlers) {
		if (handlers instanceof ServletWebSocketHandlerRegistry servlet) {
			// Spring MVC's request mappings are searched after the handshake's one exact
			// path, not before
			// it: that search was 3 % of a JWT upgrade's server CPU (docs/benchmarks.md).
			servlet.setOrder(Ordered.HIGHEST_PRECEDENCE);
		}
		handlers.addHandler(new CappedConnections(this.handler, this.caps), CHAT_PATH)
			.addInterceptors(new AuthHandshakeInterceptor(this.chain, this.traces, this.json))
			// The chain checks Origin itself so that a refusal gets a JSON body and a
			// metric.
			.setAllowedOriginPatterns("*");
	}

	/**
	 * The handshake is measured by
	 * {@code auth_operation_latency_seconds{operation="ws_handshake"}} and counted by the
	 * {@code auth_*} counters, so {@code http_server_requests} leaves it out rather than
	 * time it a second time: that observation was 7 % of a JWT upgrade's server CPU.
	 */
	@Bean
	static ObservationPredicate handshakesOutOfHttpServerRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& CHAT_PATH.equals(request.getCarrier().getRequestURI()));
	}

	/**
	 * Container limits. Tomcat allocates both message buffers for every session up front
	 * (a 64K-char text buffer alone is 128 KiB of heap per idle connection), so they are
	 * small and the chat handler takes text in parts, assembling the rare long message up
	 * to {@code max-message-size}. Binary frames are refused anyway. Idle connections
	 * time out.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(WebSocketProperties properties) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(TEXT_PART_CHARS);
		container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
		container.setMaxSessionIdleTimeout(properties.idleTimeout().toMillis());
		return container;
	}

	/**
	 * Tomcat's socket buffers (8 KiB read and 8 KiB write on the heap by default) stay
	 * with a connection for its whole life once it is upgraded; chat frames and
	 * handshakes fit in far less. Larger writes bypass the buffer, larger reads take more
	 * calls.
	 */
	@Bean
	TomcatConnectorCustomizer connectionSocketBuffers() {
		return (connector) -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
		};
	}

}
