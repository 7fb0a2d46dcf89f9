package dev.authwatch.token;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.crypto.OpaqueTokens;
import dev.authwatch.metrics.LifecycleEvent;
import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.user.UserStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password reset: a request always gets the same answer, and the work for an existing
 * account (token, store, notifier) happens off the request thread, so neither the answer
 * nor its timing tells whether the account exists. Confirming uses the single-use token,
 * sets the new password and revokes every login of the account.
 */
final class PasswordResets {

	private static final Logger logger = LoggerFactory.getLogger(PasswordResets.class);

	private final UserStore users;

	private final ResetTokenStore tokens;

	private final ResetNotifier notifier;

	private final PasswordEncoder encoder;

	private final RefreshTokens refreshTokens;

	private final PasswordResetProperties properties;

	private final LifecycleMetrics metrics;

	private final Executor background;

	PasswordResets(UserStore users, ResetTokenStore tokens, ResetNotifier notifier, PasswordEncoder encoder,
			RefreshTokens refreshTokens, PasswordResetProperties properties, LifecycleMetrics metrics,
			Executor background) {
		this.users = users;
		this.tokens = tokens;
		this.notifier = notifier;
		this.encoder = encoder;
		this.refreshTokens = refreshTokens;
		this.properties = properties;
		this.metrics = metrics;
		this.background = background;
	}

	void request(String username) {
		this.metrics.record(LifecycleEvent.RESET_REQUESTED);
		this.background.execute(() -> issue(username));
	}

	private void issue(String username) {
		if (this.users.find(username).isEmpty()) {
			return;
		}
		try {
			String token = OpaqueTokens.generate();
			this.tokens.save(OpaqueTokens.hash(token), username, this.properties.ttl());
			this.notifier.send(username, URI
				.create(this.properties.linkBase() + "?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII)));
		}
		catch (RuntimeException ex) {
			// The requester got the same 202 as everyone: the counter is what tells an
			// operator.
			this.metrics.record(LifecycleEvent.RESET_UNDELIVERED);
			logger.warn("A password-reset link could not be issued: {}", ex.getClass().getSimpleName());
		}
	}

	void confirm(@Nullable String token, @Nullable String newPassword) {
		try {
			String username = consume(token, newPassword);
			if (!this.users.changePassword(username, this.encoder.encode(newPassword))) {
				throw new AuthRejectedException(FailureReason.TICKET_INVALID, "The account no longer exists.");
			}
			this.refreshTokens.revokeAllOf(username);
			this.metrics.record(LifecycleEvent.RESET_COMPLETED);
		}
		catch (AuthRejectedException ex) {
			this.metrics.record(LifecycleEvent.RESET_FAILED);
			throw ex;
		}
	}

	private String consume(@Nullable String token, @Nullable String newPassword) {
		if (token == null || !OpaqueTokens.isWellFormed(token)) {
			throw new AuthRejectedException(FailureReason.MALFORMED, "Send the reset token from the link as token.");
		}
		if (newPassword == null || newPassword.length() < this.properties.minPasswordLength()
				|| newPassword.length() > 256) {
			throw new AuthRejectedException(FailureReason.MALFORMED,
					"The new password must have " + this.properties.minPasswordLength() + " to 256 characters.");
		}
		try {
			return this.tokens.take(OpaqueTokens.hash(token))
				.orElseThrow(() -> new AuthRejectedException(FailureReason.TICKET_INVALID,
						"The reset token is unknown, expired or already used."));
		}
		catch (StoreUnavailableException ex) {
			throw new AuthRejectedException(FailureReason.PROVIDER_UNAVAILABLE,
					"The token store is unavailable; try again later.");
		}
	}

}
