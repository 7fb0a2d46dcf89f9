package dev.authwatch.auth.jwt;

import java.time.Clock;

import dev.authwatch.datadir.DataDirectory;
import dev.authwatch.datadir.DataFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key ring and what signs and verifies with it; shared by the server and the command
 * line.
 */
@Configuration(proxyBeanMethods = false)
public class JwtKeysConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(JwtKeysConfiguration.class);

	@Bean
	JwtKeyRing jwtKeyRing(JwtProperties properties, Environment environment, DataDirectory dataDirectory) {
		String deployment = deploymentEnvironment(properties, environment);
		JwtSecretResolver.ResolvedSecrets secrets = new JwtSecretResolver(properties, environment::getProperty,
				deployment, () -> dataDirectory.require(DataFile.DEVELOPMENT_SECRET))
			.resolve();
		JwtKeyRing keyRing = JwtKeyRing.from(secrets);
		if (keyRing.usable()) {
			logger.info("JWT key ring ready: secret from {}, current key id {}, {} key(s)", secrets.source(),
					keyRing.current().kid(), keyRing.keyIds().size());
		}
		else {
			logger.error(
					"JWT key ring is NOT usable ({}); JWT handshakes are refused until it is fixed. "
							+ "Set authwatch.jwt.fail-on-invalid-config=true to refuse to start instead.",
					keyRing.unusableReason());
		}
		return keyRing;
	}

	/**
	 * {@code AUTHWATCH_ENVIRONMENT}, else the first active profile, else none (empty).
	 */
	static String deploymentEnvironment(JwtProperties properties, Environment environment) {
		if (properties.environment() != null && !properties.environment().isBlank()) {
			return properties.environment().trim();
		}
		String[] profiles = environment.getActiveProfiles();
		return (profiles.length > 0) ? profiles[0] : "";
	}

	@Bean
	AccessTokenValidator accessTokenValidator(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		return new AccessTokenValidator(keyRing, properties, clock);
	}

	@Bean
	AccessTokenIssuer accessTokenIssuer(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		return new AccessTokenIssuer(keyRing, properties, clock);
	}

}
