package dev.authwatch.security;

import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LimitMetrics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class HttpLimitsConfiguration {

	/**
	 * First of all filters after character encoding: nothing may read a body before it is
	 * bounded.
	 */
	static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties properties,
			AuthMetrics metrics, LimitMetrics limits, JsonMapper json) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties, metrics, limits, json));
		registration.setOrder(BODY_LIMIT_ORDER);
		return registration;
	}

}
