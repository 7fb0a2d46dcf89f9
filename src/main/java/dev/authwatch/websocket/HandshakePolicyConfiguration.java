package dev.authwatch.websocket;

import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.OriginPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the authentication chain that {@code authwatch.websocket.*} sets: where a
 * bearer token may be presented and which origins may connect. Bound here so that
 * {@code auth} never reads the properties of a package that depends on it.
 */
@Configuration(proxyBeanMethods = false)
class HandshakePolicyConfiguration {

	@Bean
	BearerTokenResolver bearerTokenResolver(WebSocketProperties webSocket) {
		return new BearerTokenResolver(webSocket.allowQueryToken());
	}

	@Bean
	OriginPolicy originPolicy(WebSocketProperties webSocket) {
		return new OriginPolicy(webSocket.allowedOrigins(), webSocket.requireOrigin());
	}

}
