package dev.authwatch.cli;

import dev.authwatch.auth.jwt.JwtKeysConfiguration;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.datadir.DataDirectoryConfiguration;
import dev.authwatch.system.SystemConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The small non-web context the JWT commands run in: the server's own key ring, resolved
 * from the same variables and files, with logging off so that standard output carries
 * only the result. {@code fail-on-invalid-config} is off here: a diagnosis reports a
 * missing secret instead of refusing. A weak secret fails the context as it fails the
 * server's startup.
 */
final class JwtCommandContext {

	private JwtCommandContext() {
	}

	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(Keys.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=off")
			.run("--authwatch.jwt.fail-on-invalid-config=false");
	}

	/** Not a {@code @Configuration}: the server's component scan must not pick it up. */
	@EnableConfigurationProperties(JwtProperties.class)
	@Import({ JwtKeysConfiguration.class, DataDirectoryConfiguration.class, SystemConfiguration.class })
	static class Keys {

	}

}
