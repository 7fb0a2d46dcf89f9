package dev.authwatch.user;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.authwatch.config.AuthWatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password encoder and the configured users, checked at startup. */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(UserConfiguration.class);

	/**
	 * Encodings accepted for configured passwords; the legacy digests (MD5, SHA-1, …) are
	 * refused.
	 */
	private static final Set<String> ACCEPTED_IDS = Set.of("bcrypt", "pbkdf2", "pbkdf2@SpringSecurity_v5_8", "argon2",
			"argon2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8", "noop");

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserStore userStore(AuthWatchProperties properties) {
		List<UserAccount> accounts = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < properties.users().size(); i++) {
			AuthWatchProperties.User user = properties.users().get(i);
			String id = encodingId(user.password());
			if (!ACCEPTED_IDS.contains(id)) {
				throw new IllegalStateException(
						"authwatch.users[" + i + "].password must be in Spring Security's {id} form "
								+ "with id bcrypt (recommended), pbkdf2, argon2, scrypt or noop; got '{" + id + "}'");
			}
			if (!names.add(user.username())) {
				throw new IllegalStateException("authwatch.users[" + i + "].username is configured twice");
			}
			if ("noop".equals(id)) {
				logger.warn(
						"authwatch.users[{}] has a plain-text (noop) password: use a bcrypt hash outside development",
						i);
			}
			accounts.add(new UserAccount(user.username(), user.password(), new HashSet<>(user.roles())));
		}
		logger.info("{} password user(s) configured", accounts.size());
		return new InMemoryUserStore(accounts);
	}

	private static String encodingId(String password) {
		int end = password.indexOf('}');
		return (password.startsWith("{") && end > 1) ? password.substring(1, end) : "";
	}

}
