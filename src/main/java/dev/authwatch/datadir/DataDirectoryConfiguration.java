package dev.authwatch.datadir;

import dev.authwatch.config.AuthWatchProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory; shared by the server and the command line (which imports it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthWatchProperties.class)
public class DataDirectoryConfiguration {

	@Bean
	DataDirectory dataDirectory(AuthWatchProperties properties) {
		return new DataDirectory(properties.dataDir());
	}

	@Bean
	HealthIndicator dataDir(DataDirectory directory) {
		return new DataDirectoryHealthIndicator(directory);
	}

}
