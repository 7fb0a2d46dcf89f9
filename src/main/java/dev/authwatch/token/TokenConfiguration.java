package dev.authwatch.token;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.HandshakeGate;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
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
	RefreshTokens refreshTokens(RefreshFamilyStore store, AccessTokenIssuer issuer, RefreshProperties properties,
			ConnectionRegistry connections, AuthMetrics metrics, LifecycleMetrics lifecycle, Clock clock) {
		return new RefreshTokens(store, issuer, properties, connections, metrics, lifecycle, clock);
	}

	@Bean
	HandshakeGate revokedFamilyGate(RefreshFamilyStore families, Clock clock) {
		return new RevokedFamilyGate(families, clock);
	}

	@Bean
	Guests guests(AccessTokenIssuer issuer, GuestProperties properties, AuthMetrics metrics, LifecycleMetrics lifecycle) {
		return new Guests(issuer, properties, metrics, lifecycle, Ticker.systemTicker(), Scheduler.systemScheduler());
	}

	@Bean
	GuestUpgrade guestUpgrade(BearerTokenResolver tokens, AccessTokenValidator validator, Guests guests) {
		return new GuestUpgrade(tokens, validator, guests);
	}

}
