package dev.authwatch.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The catch-all filter chain: everything that no more specific chain claims (the
 * WebSocket endpoint, {@code /api/auth/*}, {@code /health}, the OpenAPI description)
 * stays open to the application, which authenticates it itself. No session, no form
 * login, no basic auth, no CSRF (none of these APIs reads a cookie credential). Boot's
 * generated in-memory user is excluded in {@code application.yml}
 * ({@code spring.autoconfigure.exclude}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * Spring Security's observations (a timer and events per filter per request, and a
	 * decorator around every filter even when an observation predicate turns them off)
	 * cost about a fifth of a WebSocket handshake's CPU and feed no metric, panel or
	 * alert here; {@code http_server_requests} and AuthWatch's own metrics are
	 * unaffected. Remove this bean when traces are exported.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

}
