package dev.authwatch.token;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.session.SessionLogin;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LoginMethod;
import dev.authwatch.metrics.Operation;
import dev.authwatch.ratelimit.ClientKeys;
import dev.authwatch.ratelimit.LoginLockout;
import dev.authwatch.ratelimit.RateLimit;
import dev.authwatch.ratelimit.RateLimited;
import dev.authwatch.user.UserAccount;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/login}: username and password for an access token and a refresh
 * token; with {@code "session": true} also a server session cookie and its CSRF token.
 */
@RestController
class LoginController {

	private static final int MAX_FIELD_LENGTH = 256;

	private final PasswordCheck passwords;

	private final RefreshTokens refreshTokens;

	private final AuthMetrics metrics;

	private final GuestUpgrade guestUpgrade;

	private final SessionLogin sessions;

	private final LoginLockout lockout;

	LoginController(PasswordCheck passwords, RefreshTokens refreshTokens, AuthMetrics metrics,
			GuestUpgrade guestUpgrade, SessionLogin sessions, LoginLockout lockout) {
		this.lockout = lockout;
		this.passwords = passwords;
		this.refreshTokens = refreshTokens;
		this.metrics = metrics;
		this.guestUpgrade = guestUpgrade;
		this.sessions = sessions;
	}

	record LoginRequest(@Nullable String username, @Nullable String password, @Nullable Boolean session) {

		@Override
		public String toString() {
			return "LoginRequest[session=" + this.session + "]";
		}

	}

	@RateLimited(RateLimit.Scope.LOGIN_IP)
	@PostMapping("/api/auth/login")
	ResponseEntity<TokenResponse> login(@RequestBody LoginRequest request, HttpServletRequest http) {
		long start = System.nanoTime();
		try {
			UserAccount account = authenticate(request, ClientKeys.of(http.getRemoteAddr()));
			this.guestUpgrade.afterLogin(http);
			RefreshTokens.Pair tokens = this.refreshTokens.login(account.username(), account.roles());
			TokenResponse body = TokenResponse.of(tokens);
			if (Boolean.TRUE.equals(request.session())) {
				body = body.withCsrfToken(
						this.sessions.start(http, account.username(), account.roles(), tokens.refresh().familyId()));
			}
			this.metrics.login(LoginMethod.PASSWORD, true);
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
		}
		finally {
			this.metrics.latency(Operation.LOGIN, System.nanoTime() - start);
		}
	}

	private UserAccount authenticate(LoginRequest request, String clientKey) {
		String username = request.username();
		String password = request.password();
		if (username == null || password == null || username.isBlank() || password.isEmpty()
				|| username.length() > MAX_FIELD_LENGTH || password.length() > MAX_FIELD_LENGTH) {
			this.metrics.login(LoginMethod.PASSWORD, false);
			throw new AuthRejectedException(FailureReason.MALFORMED,
					"Send a username and a password (at most 256 characters each).");
		}
		LoginLockout.Attempt attempt = this.lockout.begin(username, clientKey);
		UserAccount account = this.passwords.check(username, password).orElseThrow(() -> {
			this.metrics.login(LoginMethod.PASSWORD, false);
			return new AuthRejectedException(FailureReason.MISSING_CREDENTIALS, "The username or password is wrong.");
		});
		attempt.succeeded();
		return account;
	}

}
