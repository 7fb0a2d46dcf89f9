package dev.authwatch.websocket;

import java.util.List;

import dev.authwatch.auth.AuthenticationChain;
import dev.authwatch.auth.HandshakeTraces;
import dev.authwatch.ratelimit.ConnectionCaps;
import io.micrometer.observation.ObservationPredicate;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

	/** Where chat clients connect (and the admin test connection). */
	public static final String CHAT_PATH = "/ws/chat";

	/**
	 * After Spring Session's filter and the request context (the session method reads
	 * both), before Spring Security's filter chain.
	 */
	static final int HANDSHAKE_FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;

	/**
	 * Characters of a text message the container buffers before handing a part to the
	 * handler.
	 */
	static final int TEXT_PART_CHARS = 512;

	static final int BINARY_BUFFER_BYTES = 128;

	static final int SOCKET_BUFFER_BYTES = 512;

	/**
	 * The handshake's own origin check is the chain's, so that a refusal gets a JSON body
	 * and a metric.
	 */
	@Bean
	WebSocketHttpRequestHandler chatHandshake(AuthenticationChain chain, ChatWebSocketHandler handler,
			HandshakeTraces traces, JsonMapper json, ConnectionCaps caps) {
		WebSocketHttpRequestHandler handshake = new WebSocketHttpRequestHandler(new CappedConnections(handler, caps));
		handshake.setHandshakeInterceptors(List.of(new AuthHandshakeInterceptor(chain, traces, json)));
		return handshake;
	}

	/** Spring Security's default headers, as the other chains write them. */
	@Bean
	FilterRegistrationBean<HandshakeFilter> handshakeFilter(HttpFirewall firewall, RequestRejectedHandler rejected,
			WebSocketHttpRequestHandler chatHandshake) {
		List<HeaderWriter> headers = List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
				new CacheControlHeadersWriter(), new HstsHeaderWriter(),
				new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY));
		FilterRegistrationBean<HandshakeFilter> registration = new FilterRegistrationBean<>(
				new HandshakeFilter(firewall, rejected, headers, chatHandshake));
		registration.addUrlPatterns(CHAT_PATH);
		registration.setOrder(HANDSHAKE_FILTER_ORDER);
		return registration;
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
