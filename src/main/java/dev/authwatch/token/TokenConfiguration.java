package dev.authwatch.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.user.UserStore;
import dev.authwatch.websocket.ConnectionRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	PasswordCheck passwordCheck(UserStore users, PasswordEncoder encoder) {
		return new PasswordCheck(users, encoder);
	}

	@Bean
	RefreshTokens refreshTokens(RefreshFamilyStore store, Revocations revocations, UserStore users,
			AccessTokenIssuer issuer, RefreshProperties properties, ConnectionRegistry connections, AuthMetrics metrics,
			LifecycleMetrics lifecycle, Clock clock) {
		return new RefreshTokens(store, revocations, users, issuer, properties, connections, metrics, lifecycle, clock);
	}

	/**
	 * A user revocation is kept as long as the longest-lived credential it can void: a
	 * login (whose sessions and refreshes end with its family), an access token, a guest
	 * token.
	 */
	@Bean
	Revocations revocations(RefreshFamilyStore store, ConnectionRegistry connections, RefreshProperties refresh,
			JwtProperties jwt, GuestProperties guests, Clock clock) {
		Duration retention = Collections.max(List.of(refresh.familyLifetime(), jwt.accessTokenTtl(), guests.ttl()))
			.plus(jwt.clockSkew());
		return new Revocations(store, connections, retention, clock);
	}

	@Bean
	Guests guests(AccessTokenIssuer issuer, GuestProperties properties, AuthMetrics metrics,
			LifecycleMetrics lifecycle) {
		return new Guests(issuer, properties, metrics, lifecycle, Ticker.systemTicker(), Scheduler.systemScheduler());
	}

	@Bean
	GuestUpgrade guestUpgrade(BearerTokenResolver tokens, AccessTokenValidator validator, Guests guests) {
		return new GuestUpgrade(tokens, validator, guests);
	}

}
