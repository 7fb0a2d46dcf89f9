package dev.authwatch.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.InvalidJwtConfigurationException;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtKeysConfiguration;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.auth.jwt.JwtSecretResolver;
import dev.authwatch.datadir.DataDirectory;
import dev.authwatch.datadir.DataDirectoryConfiguration;
import dev.authwatch.datadir.DataFile;
import dev.authwatch.system.SystemConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code token --sub alice [--roles user,admin] [--ttl 15m]}: prints an access token
 * signed with the configured secret (or the development secret the server generated), so
 * a newcomer can try the WebSocket without another system. Only the token goes to
 * standard output.
 */
final class TokenCommand {

	static final String USAGE = "java -jar authwatch.jar token --sub <user id> [--roles user,admin] [--ttl 15m]";

	private TokenCommand() {
	}

	static int run(String[] args) {
		Map<String, String> options = parse(args);
		if (options == null || !options.containsKey("sub") || options.get("sub").isBlank()) {
			CommandLine.usageError(System.err, "--sub is required and every option needs a value", USAGE);
			return 2;
		}
		Duration ttl;
		try {
			ttl = DurationStyle.detectAndParse(options.getOrDefault("ttl", "15m"));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			CommandLine.usageError(System.err, "--ttl must be a duration such as 90s, 15m or 2h", USAGE);
			return 2;
		}
		List<String> roles = Arrays.stream(options.getOrDefault("roles", "user").split(","))
			.map(String::trim)
			.filter((role) -> !role.isEmpty())
			.toList();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Keys.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// Standard output carries the token alone, so that TOKEN=$(… token …) works.
			.properties("logging.level.root=off")
			.run()) {
			AccessTokenIssuer.IssuedToken token = context.getBean(AccessTokenIssuer.class)
				.issue(options.get("sub"), roles, ttl);
			warnIfDevelopmentSecret(context);
			System.out.println(token.value());
			return 0;
		}
		catch (RuntimeException ex) {
			Throwable cause = rootCause(ex);
			System.err.println("error: "
					+ ((cause instanceof InvalidJwtConfigurationException) ? cause.getMessage() : ex.getMessage()));
			return 1;
		}
	}

	private static void warnIfDevelopmentSecret(ConfigurableApplicationContext context) {
		if (JwtSecretResolver.GENERATED_SOURCE.equals(context.getBean(JwtKeyRing.class).secretSource())) {
			System.err.println("note: JWT_SECRET is not set; signed with the generated development secret in "
					+ context.getBean(DataDirectory.class).require(DataFile.DEVELOPMENT_SECRET)
					+ " (accepted by a server with the same AUTHWATCH_DATA_DIR)");
		}
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				return null;
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options;
	}

	static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/** Not a {@code @Configuration}: the server's component scan must not pick it up. */
	@EnableConfigurationProperties(JwtProperties.class)
	@Import({ JwtKeysConfiguration.class, DataDirectoryConfiguration.class, SystemConfiguration.class })
	static class Keys {

	}

}
