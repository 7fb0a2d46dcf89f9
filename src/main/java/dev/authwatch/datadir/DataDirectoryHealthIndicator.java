package dev.authwatch.datadir;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code dataDir} component of {@code /health}: DOWN while a feature runs without its
 * file because the data directory cannot be written (a feature that needs its file stops
 * startup instead). Reports what startup found; it does not touch the disk per request.
 */
final class DataDirectoryHealthIndicator implements HealthIndicator {

	private final DataDirectory directory;

	DataDirectoryHealthIndicator(DataDirectory directory) {
		this.directory = directory;
	}

	@Override
	public Health health() {
		Map<DataFile, Optional<String>> checked = this.directory.checked();
		Map<String, String> files = new TreeMap<>();
		checked.forEach((file, problem) -> files.put(file.location(), problem.orElse("writable")));
		Health.Builder builder = checked.values().stream().anyMatch(Optional::isPresent) ? Health.down() : Health.up();
		return builder.withDetail("path", this.directory.root().toString()).withDetail("files", files).build();
	}

}
