package dev.authwatch.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings directly under {@code authwatch}: where state lives, where files go, who
 * may log in. Every other setting has a feature's own prefix and record.
 *
 * @param store {@code memory} (this JVM only, the default) or {@code redis} (environment
 * variable {@code AUTHWATCH_STORE}; Redis via the usual {@code spring.data.redis.*}
 * settings)
 * @param dataDir the one directory for every file AuthWatch writes at run time
 * (environment variable {@code AUTHWATCH_DATA_DIR}); relative to the working directory
 * unless absolute. The image sets {@code /var/lib/authwatch}, a volume owned by its user
 * @param users password users of the in-memory user store, none by default:
 * {@code authwatch.users[N].username}, {@code .password} (Spring Security's {@code {id}}
 * form, e.g. {@code {bcrypt}$2a$10$…}; {@code {noop}} is accepted with a warning) and
 * {@code .roles} (default {@code user})
 */
@ConfigurationProperties(AuthWatchProperties.PREFIX)
@Validated
public record AuthWatchProperties(
		@DefaultValue("memory") @NotNull(
				message = "authwatch.store (AUTHWATCH_STORE) must be memory or redis") StoreType store,
		@DefaultValue(".authwatch") @NotNull(
				message = "authwatch.data-dir (AUTHWATCH_DATA_DIR) must name a directory") Path dataDir,
		@DefaultValue List<@Valid User> users) {

	public static final String PREFIX = "authwatch";

	/** The property that picks the store backend's configuration. */
	public static final String STORE = PREFIX + ".store";

	public enum StoreType {

		MEMORY, REDIS

	}

	public record User(@NotBlank(message = "authwatch.users[N].username must not be blank") String username,
			@NotBlank(message = "authwatch.users[N].password must not be blank ({bcrypt}… hash)") String password,
			@DefaultValue("user") @NotEmpty(
					message = "authwatch.users[N].roles must name at least one role") List<String> roles) {

		@Override
		public String toString() {
			return "User[roles=" + this.roles + "]";
		}

	}

}
