package dev.authwatch.datadir;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where AuthWatch keeps what it writes at run time.
 *
 * @param dataDir the one directory for every file AuthWatch writes at run time (environment
 * variable {@code AUTHWATCH_DATA_DIR}; see {@link DataFile}); relative to the working directory
 * unless absolute. The image sets {@code /var/lib/authwatch}, a volume owned by its user
 */
@ConfigurationProperties("authwatch")
@Validated
public record DataDirectoryProperties(
		@DefaultValue(".authwatch") @NotNull(message = "authwatch.data-dir (AUTHWATCH_DATA_DIR) must name a directory") Path dataDir) {
}
