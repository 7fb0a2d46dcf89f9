package dev.authwatch.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.authwatch.user.UserAccount;
import dev.authwatch.user.UserStore;

/**
 * A user store an operator changes while the service runs: users are added, demoted and
 * removed.
 */
final class MutableUserStore implements UserStore {

	private final Map<String, UserAccount> users = new ConcurrentHashMap<>();

	void put(String username, String password, Set<String> roles) {
		this.users.put(username, new UserAccount(username, "{noop}" + password, roles));
	}

	void changeRoles(String username, Set<String> roles) {
		this.users.computeIfPresent(username, (name, account) -> new UserAccount(name, account.passwordHash(), roles));
	}

	void remove(String username) {
		this.users.remove(username);
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

}
