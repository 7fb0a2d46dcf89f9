package dev.authwatch.user;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The configured users, in this JVM; a password change lasts until restart. */
final class InMemoryUserStore implements UserStore {

	private final Map<String, UserAccount> users = new ConcurrentHashMap<>();

	InMemoryUserStore(Collection<UserAccount> accounts) {
		accounts.forEach((account) -> this.users.put(account.username(), account));
	}

	@Override
	public Optional<UserAccount> find(String username) {
		return Optional.ofNullable(this.users.get(username));
	}

	@Override
	public boolean changePassword(String username, String newPasswordHash) {
		return this.users.computeIfPresent(username,
				(name, account) -> new UserAccount(name, newPasswordHash, account.roles())) != null;
	}

	int size() {
		return this.users.size();
	}

}
