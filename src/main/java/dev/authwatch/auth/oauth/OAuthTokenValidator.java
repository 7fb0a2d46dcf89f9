package dev.authwatch.auth.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.crypto.Hashes;
import dev.authwatch.hotpath.HotPathCaches;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * Validates a provider token: from the cache when it was validated before, otherwise
 * through the {@code oauth} circuit breaker by JWK set (a JWS, when {@code jwks-uri} is
 * set) or by introspection. Only successes are cached, keyed by the token's SHA-256 (the
 * token itself is not kept), until {@code exp} or {@code cache-ttl}, whichever comes
 * first. Provider failures are {@code provider_unavailable} and are never cached; an open
 * breaker answers at once.
 */
final class OAuthTokenValidator {

	private final @Nullable ProviderJwtValidator jwts;

	private final @Nullable IntrospectionValidator introspection;

	private final CircuitBreaker breaker;

	private final Cache<String, AuthenticatedPrincipal> validated;

	OAuthTokenValidator(@Nullable ProviderJwtValidator jwts, @Nullable IntrospectionValidator introspection,
			CircuitBreaker breaker, OAuthProperties properties, Clock clock) {
		this.jwts = jwts;
		this.introspection = introspection;
		this.breaker = breaker;
		this.validated = HotPathCaches.newBuilder()
			.maximumSize(properties.cacheMaxSize())
			.expireAfter(new UntilExpiry(properties.cacheTtl(), clock))
			.build();
	}

	AuthDecision validate(String token) {
		String key = Hashes.sha256(token);
		AuthenticatedPrincipal cached = this.validated.getIfPresent(key);
		if (cached != null) {
			return AuthDecision.authenticated(cached);
		}
		AuthDecision decision;
		try {
			decision = this.breaker.executeSupplier(() -> validateWithProvider(token));
		}
		catch (CallNotPermittedException ex) {
			return AuthDecision.rejected(FailureReason.PROVIDER_UNAVAILABLE,
					"The OAuth provider is failing; its circuit breaker is open. Try again later.");
		}
		catch (ProviderUnavailableException ex) {
			return AuthDecision.rejected(FailureReason.PROVIDER_UNAVAILABLE,
					"The OAuth provider did not answer in time; try again later.");
		}
		if (decision instanceof AuthDecision.Authenticated authenticated) {
			this.validated.put(key, authenticated.principal());
		}
		return decision;
	}

	private AuthDecision validateWithProvider(String token) {
		if (this.jwts != null && isCompactJws(token)) {
			return this.jwts.validate(token);
		}
		if (this.introspection != null) {
			return this.introspection.validate(token);
		}
		return AuthDecision.rejected(FailureReason.MALFORMED,
				"Opaque tokens are not accepted: no introspection endpoint is configured.");
	}

	private static boolean isCompactJws(String token) {
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		return second > 0 && token.indexOf('.', second + 1) < 0;
	}

	/**
	 * An entry lives until the token's expiry or the cache TTL, whichever comes first.
	 */
	private record UntilExpiry(Duration ttl, Clock clock) implements Expiry<String, AuthenticatedPrincipal> {

		@Override
		public long expireAfterCreate(String key, AuthenticatedPrincipal principal, long currentTime) {
			Instant now = this.clock.instant();
			Instant until = principal.expiresAt().isBefore(now.plus(this.ttl)) ? principal.expiresAt()
					: now.plus(this.ttl);
			return Math.max(0, Duration.between(now, until).toNanos());
		}

		@Override
		public long expireAfterUpdate(String key, AuthenticatedPrincipal principal, long currentTime,
				long currentDuration) {
			return expireAfterCreate(key, principal, currentTime);
		}

		@Override
		public long expireAfterRead(String key, AuthenticatedPrincipal principal, long currentTime,
				long currentDuration) {
			return currentDuration;
		}

	}

}
