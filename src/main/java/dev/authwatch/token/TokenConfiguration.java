package dev.authwatch.token;

import dev.authwatch.user.UserStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	PasswordCheck passwordCheck(UserStore users, PasswordEncoder encoder) {
		return new PasswordCheck(users, encoder);
	}

}
