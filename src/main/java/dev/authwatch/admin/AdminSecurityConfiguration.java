package dev.authwatch.admin;

import java.time.Clock;

import dev.authwatch.admin.audit.AuditFilter;
import dev.authwatch.admin.audit.AuditRecorder;
import dev.authwatch.auth.jwt.Admission;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.security.StaticPages;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may use the admin tools (SPEC §6). Three chains, before the catch-all one:
 * <ul>
 * <li>{@code /api/admin/**}: an AuthWatch access token with the admin role; anonymous
 * 401, other roles 403, JSON bodies; every request audited;</li>
 * <li>{@code /admin/**}: the dashboard's static shell (no data: everything it shows comes
 * from the API above), served with a strict content security policy
 * ({@link StaticPages});</li>
 * <li>{@code /health/**}: open, but a valid admin token makes actuator show details
 * ({@code show-details: when-authorized}, {@code roles: admin}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain adminApiSecurityFilterChain(HttpSecurity http, Admission admission, AuthMetrics metrics,
			AdminProperties properties, AuditRecorder audit, JsonMapper json, Clock clock) throws Exception {
		AuthenticationEntryPoint entryPoint = JsonSecurityErrors.entryPoint(json);
		AuthenticationManager tokens = new ProviderManager(new AccessTokenAuthenticationProvider(admission, metrics));
		return stateless(http.securityMatcher("/api/admin/**"))
			.addFilterAfter(new AuditFilter(audit, clock), SecurityContextHolderFilter.class)
			.addFilterBefore(BearerTokens.required(tokens, entryPoint), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				// The SSE stream's later dispatches were authorized with its first one.
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.anyRequest()
				.hasRole(properties.role()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(JsonSecurityErrors.accessDeniedHandler(json)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminDashboardSecurityFilterChain(HttpSecurity http) throws Exception {
		return StaticPages.filterChain(http, "/admin", "/admin/**");
	}

	@Bean
	@Order(3)
	SecurityFilterChain healthSecurityFilterChain(HttpSecurity http, Admission admission, AuthMetrics metrics)
			throws Exception {
		AuthenticationManager tokens = new ProviderManager(new AccessTokenAuthenticationProvider(admission, metrics));
		return stateless(http.securityMatcher("/health", "/health/**"))
			.addFilterBefore(BearerTokens.optional(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
	}

}
