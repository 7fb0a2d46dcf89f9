package dev.authwatch.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where shared state lives.
 *
 * @param store {@code memory} (this JVM only, the default) or {@code redis} (environment variable
 * {@code AUTHWATCH_STORE}; Redis via the usual {@code spring.data.redis.*} settings)
 */
@ConfigurationProperties("authwatch")
public record StoreProperties(@DefaultValue("memory") StoreType store) {

	public enum StoreType {

		MEMORY, REDIS

	}

}
