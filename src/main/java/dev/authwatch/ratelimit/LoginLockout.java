package dev.authwatch.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Failed logins locked the account for everyone, so a stranger could lock an admin out
 * with ten wrong passwords. Now each attempt spends from two budgets, and a successful
 * one gives both back:
 * <ul>
 * <li>per account and client ({@code login-per-account-and-client}, 10 a period): a
 * stranger's guesses lock out the stranger's client only;</li>
 * <li>per account from all clients ({@code login-per-account}, 100 a period, ten times
 * more): what bounds guessing spread over many clients. Clients that logged into the
 * account before are exempt, so even that flood cannot lock the owner out of the places
 * she uses.</li>
 * </ul>
 * An attempt is spent before the password is checked, so concurrent guesses cannot
 * overshoot.
 */
public final class LoginLockout {

	private final RateLimit limits;

	private final Cache<String, Boolean> knownClients;

	LoginLockout(RateLimit limits, RateLimitProperties properties) {
		this.limits = limits;
		this.knownClients = Caffeine.newBuilder()
			.maximumSize(properties.maxTrackedKeys())
			.expireAfterWrite(properties.knownClientTtl())
			.build();
	}

	/** One login attempt under way; tell it how the password check ended. */
	public final class Attempt {

		private final String account;

		private final String accountAndClient;

		private final boolean spentAccountBudget;

		private Attempt(String account, String accountAndClient, boolean spentAccountBudget) {
			this.account = account;
			this.accountAndClient = accountAndClient;
			this.spentAccountBudget = spentAccountBudget;
		}

		/**
		 * The password was right: nothing is held against either budget, and the client
		 * is known from now on.
		 */
		public void succeeded() {
			LoginLockout.this.limits.refund(RateLimit.Scope.LOGIN_ACCOUNT_CLIENT, this.accountAndClient);
			if (this.spentAccountBudget) {
				LoginLockout.this.limits.refund(RateLimit.Scope.LOGIN_ACCOUNT, this.account);
			}
			LoginLockout.this.knownClients.put(this.accountAndClient, Boolean.TRUE);
		}

	}

	/**
	 * Spends one attempt before the password is checked.
	 * @param clientKey the client's {@link ClientKeys key}
	 * @throws dev.authwatch.auth.AuthRejectedException 429 {@code rate_limited} when a
	 * budget is spent
	 */
	public Attempt begin(String account, String clientKey) {
		// A client key never holds a NUL, so the pair splits one way only.
		String accountAndClient = account + '\0' + clientKey;
		ConsumptionProbe perClient = this.limits.consume(RateLimit.Scope.LOGIN_ACCOUNT_CLIENT, accountAndClient);
		if (!perClient.isConsumed()) {
			throw RateLimit.refused(perClient);
		}
		if (this.knownClients.getIfPresent(accountAndClient) != null) {
			return new Attempt(account, accountAndClient, false);
		}
		ConsumptionProbe perAccount = this.limits.consume(RateLimit.Scope.LOGIN_ACCOUNT, account);
		if (!perAccount.isConsumed()) {
			this.limits.refund(RateLimit.Scope.LOGIN_ACCOUNT_CLIENT, accountAndClient);
			throw RateLimit.refused(perAccount);
		}
		return new Attempt(account, accountAndClient, true);
	}

}
