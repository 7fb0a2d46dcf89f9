package dev.authwatch.user;

import java.util.Set;

/**
 * A user who may log in with a password.
 *
 * @param username the login name; never logged or used as a metric label
 * @param passwordHash the password in Spring Security's {@code {id}} form, e.g.
 * {@code {bcrypt}…}
 * @param roles the roles put in the user's access tokens
 */
public record UserAccount(String username, String passwordHash, Set<String> roles) {

	public UserAccount {
		roles = Set.copyOf(roles);
	}

	@Override
	public String toString() {
		return "UserAccount[roles=" + this.roles + "]";
	}

}
