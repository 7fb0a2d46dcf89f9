package dev.authwatch.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Spends one attempt of the client's budget for this scope before the handler runs, so
 * before its body is read and bound: over the budget is 429 {@code rate_limited} whatever
 * the body holds.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

	/** A per-client scope, e.g. {@link RateLimit.Scope#LOGIN_IP}. */
	RateLimit.Scope value();

}
