package dev.authwatch.auth.jwt;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key ring and what signs and verifies with it; shared by the server and the command line. */
@Configuration(proxyBeanMethods = false)
public class JwtKeysConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(JwtKeysConfiguration.class);

	@Bean
	JwtKeyRing jwtKeyRing(JwtProperties properties) {
		JwtSecretResolver.ResolvedSecrets secrets = new JwtSecretResolver(properties).resolve();
		JwtKeyRing keyRing = JwtKeyRing.of(secrets.current(), secrets.previous(), secrets.source());
		logger.info("JWT key ring ready: secret from {}, current key id {}, {} key(s)", secrets.source(),
				keyRing.current().kid(), keyRing.keyIds().size());
		return keyRing;
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
