package dev.authwatch.websocket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of {@code /ws/chat}: the handshake authenticates itself (the
 * interceptor's admission path), so of Spring Security it keeps only the firewall, which
 * guards every chain, and the security headers on a refused handshake's JSON body. The
 * catch-all chain's security context, anonymous principal, session management, request
 * wrapping, exception translation and authorization filter did nothing for a handshake
 * but cost about 40 µs of server CPU per upgrade (docs/benchmarks.md, "Against what users
 * would run instead").
 */
@Configuration(proxyBeanMethods = false)
class HandshakeSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain handshakeSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(WebSocketConfiguration.CHAT_PATH)
			.securityContext(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable)
			.exceptionHandling(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.build();
	}

}
