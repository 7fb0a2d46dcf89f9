package dev.authwatch.ratelimit;

import dev.authwatch.auth.HandshakeGate;
import dev.authwatch.metrics.LimitMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimit rateLimit(RateLimitProperties properties) {
		return new RateLimit(properties);
	}

	@Bean
	LoginLockout loginLockout(RateLimit limits, RateLimitProperties properties) {
		return new LoginLockout(limits, properties);
	}

	@Bean
	ConnectionCaps connectionCaps(RateLimitProperties properties, LimitMetrics metrics) {
		return new ConnectionCaps(properties, metrics);
	}

	@Bean
	HandshakeGate rateLimitingHandshakeGate(RateLimit limits, ConnectionCaps caps) {
		return new RateLimitingHandshakeGate(limits, caps);
	}

	@Bean
	WebMvcConfigurer rateLimitedHandlers(RateLimit limits) {
		RateLimitInterceptor interceptor = new RateLimitInterceptor(limits);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

}
