package dev.authwatch.chatpage;

import dev.authwatch.security.StaticPages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chat page at {@code /} ({@code static/index.html}, {@code static/chat/}) and the
 * JavaScript client it is built on ({@code static/js/}, SPEC §10): static files served to
 * everyone with the admin dashboard's content security policy. The page logs in through
 * {@code /api/auth/*} and talks to {@code /ws/chat}, which authenticate by themselves.
 */
@Configuration(proxyBeanMethods = false)
class ChatPageSecurityConfiguration {

	@Bean
	@Order(4)
	SecurityFilterChain chatPageSecurityFilterChain(HttpSecurity http) throws Exception {
		return StaticPages.filterChain(http, "/", "/index.html", "/chat/**", "/js/**");
	}

}
