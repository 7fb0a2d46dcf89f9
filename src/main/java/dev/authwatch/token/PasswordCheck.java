package dev.authwatch.token;

import java.util.Optional;

import dev.authwatch.user.UserAccount;
import dev.authwatch.user.UserStore;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a username and password. An unknown user costs the same bcrypt comparison as a
 * known one, so the answer time does not tell whether an account exists.
 */
final class PasswordCheck {

	private final UserStore users;

	private final PasswordEncoder encoder;

	private final String dummyHash;

	PasswordCheck(UserStore users, PasswordEncoder encoder) {
		this.users = users;
		this.encoder = encoder;
		this.dummyHash = encoder.encode("authwatch-dummy-password-for-timing");
	}

	Optional<UserAccount> check(String username, String password) {
		Optional<UserAccount> account = this.users.find(username);
		if (account.isEmpty()) {
			this.encoder.matches(password, this.dummyHash);
			return Optional.empty();
		}
		return this.encoder.matches(password, account.get().passwordHash()) ? account : Optional.empty();
	}

}
