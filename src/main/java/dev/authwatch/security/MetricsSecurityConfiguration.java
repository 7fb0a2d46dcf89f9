package dev.authwatch.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * {@code METRICS_PATH} behind HTTP basic, only when both {@code METRICS_USERNAME} and
 * {@code METRICS_PASSWORD} are set; otherwise the catch-all chain leaves it open for
 * Prometheus. The scrape user lives in this chain only: it is no application user and
 * cannot call anything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${authwatch.metrics.username:}' != '' and '${authwatch.metrics.password:}' != ''")
class MetricsSecurityConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain metricsSecurityFilterChain(HttpSecurity http, MetricsAccessProperties properties,
			@Value("${management.endpoints.web.path-mapping.prometheus:/metrics}") String metricsPath)
			throws Exception {
		String password = properties.password();
		User.UserBuilder scraper = User.withUsername(properties.username())
			.password(password.startsWith("{") ? password : "{noop}" + password)
			.roles("metrics");
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
				new InMemoryUserDetailsManager(scraper.build()));
		provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("authwatch-metrics");
		return http.securityMatcher(metricsPath)
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.authenticationManager(new ProviderManager(provider))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

}
