package dev.authwatch.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies {@link RateLimited} before the handler's arguments are resolved; the refusal
 * goes to the error handler like any other (429 JSON, counted).
 */
final class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimit limits;

	RateLimitInterceptor(RateLimit limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			RateLimited limited = method.getMethodAnnotation(RateLimited.class);
			if (limited != null) {
				this.limits.checkClient(limited.value(), request);
			}
		}
		return true;
	}

}
