package dev.authwatch.store;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where shared state lives.
 *
 * @param store {@code memory} (this JVM only, the default) or {@code redis} (environment variable
 * {@code AUTHWATCH_STORE}; Redis via the usual {@code spring.data.redis.*} settings)
 */
@ConfigurationProperties("authwatch")
@Validated
public record StoreProperties(
		@DefaultValue("memory") @NotNull(message = "authwatch.store (AUTHWATCH_STORE) must be memory or redis") StoreType store) {

	/** The property that picks {@link MemoryStoreConfiguration} or {@link RedisStoreConfiguration}. */
	static final String STORE = "authwatch.store";

	public enum StoreType {

		MEMORY, REDIS

	}

}
