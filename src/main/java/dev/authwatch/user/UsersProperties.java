package dev.authwatch.user;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password users of the in-memory user store. None by default: no account exists unless configured.
 *
 * @param users {@code authwatch.users[N].username}, {@code .password} (Spring Security's
 * {@code {id}} form, e.g. {@code {bcrypt}$2a$10$…}; {@code {noop}} is accepted with a warning) and
 * {@code .roles} (default {@code user})
 */
@ConfigurationProperties("authwatch")
@Validated
public record UsersProperties(@DefaultValue List<@Valid User> users) {

	public record User(@NotBlank(message = "authwatch.users[N].username must not be blank") String username,
			@NotBlank(message = "authwatch.users[N].password must not be blank ({bcrypt}… hash)") String password,
			@DefaultValue("user") @NotEmpty(message = "authwatch.users[N].roles must name at least one role") List<String> roles) {

		@Override
		public String toString() {
			return "User[roles=" + this.roles + "]";
		}

	}

}
