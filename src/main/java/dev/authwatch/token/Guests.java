package dev.authwatch.token;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.crypto.OpaqueTokens;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LifecycleEvent;
import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.metrics.LoginMethod;

/**
 * Guest tokens: role {@code guest}, a random subject, a short life and no refresh token.
 * The guests of this instance are tracked until their token expires, so that
 * {@code auth_guest_total{event}} tells issued guests apart from those who logged in
 * ({@code upgraded}) and those whose token ran out ({@code expired}).
 */
final class Guests {

	static final String ROLE = "guest";

	static final String SUBJECT_PREFIX = "guest-";

	private static final long MAX_TRACKED = 100_000;

	private final AccessTokenIssuer issuer;

	private final Duration ttl;

	private final AuthMetrics metrics;

	private final LifecycleMetrics lifecycle;

	private final Cache<String, Boolean> live;

	Guests(AccessTokenIssuer issuer, GuestProperties properties, AuthMetrics metrics, LifecycleMetrics lifecycle,
			Ticker ticker, Scheduler scheduler) {
		this.issuer = issuer;
		this.ttl = properties.ttl();
		this.metrics = metrics;
		this.lifecycle = lifecycle;
		this.live = Caffeine.newBuilder()
			.maximumSize(MAX_TRACKED)
			.expireAfterWrite(this.ttl)
			.ticker(ticker)
			.scheduler(scheduler)
			.removalListener((String subject, Boolean value, RemovalCause cause) -> {
				if (cause == RemovalCause.EXPIRED) {
					lifecycle.record(LifecycleEvent.GUEST_EXPIRED);
				}
			})
			.build();
	}

	AccessTokenIssuer.IssuedToken issue() {
		String subject = SUBJECT_PREFIX + OpaqueTokens.generate().substring(0, 22);
		AccessTokenIssuer.IssuedToken token = this.issuer.issue(subject, List.of(ROLE), this.ttl);
		this.live.put(subject, Boolean.TRUE);
		this.metrics.login(LoginMethod.GUEST, true);
		this.lifecycle.record(LifecycleEvent.GUEST_ISSUED);
		return token;
	}

	/**
	 * A guest of this instance logged in with an account: counted once, then forgotten.
	 */
	void upgraded(AuthenticatedPrincipal guest) {
		if (guest.roles().contains(ROLE) && this.live.asMap().remove(guest.userId()) != null) {
			this.lifecycle.record(LifecycleEvent.GUEST_UPGRADED);
		}
	}

	/** Runs pending expiry now (tests; production relies on the scheduler). */
	void cleanUp() {
		this.live.cleanUp();
	}

}
