package dev.authwatch.user;

import java.util.Optional;

/**
 * Where password users come from. The default keeps the users configured under
 * {@code authwatch.users}.
 */
public interface UserStore {

	Optional<UserAccount> find(String username);

	/**
	 * Replaces the user's password hash (password reset).
	 * @return {@code false} when there is no such user
	 */
	boolean changePassword(String username, String newPasswordHash);

}
