package dev.authwatch.datadir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code AUTHWATCH_DATA_DIR}): the one place where AuthWatch writes
 * at run time. Features ask it for their {@link DataFile} while the application starts;
 * each file's directory is created (owner-only) and proven writable then, so that a
 * deployment that cannot write there is told at startup, not at the first request.
 */
public final class DataDirectory {

	static final String SETTING = "AUTHWATCH_DATA_DIR (authwatch.data-dir)";

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	private final Path root;

	/** Files asked for so far, each with its problem ({@code null} when writable). */
	private final Map<DataFile, Optional<String>> checked = new EnumMap<>(DataFile.class);

	DataDirectory(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * The file of a feature that cannot run without it.
	 * @throws DataDirectoryNotWritableException when it cannot be written (naming the
	 * setting)
	 */
	public synchronized Path require(DataFile file) {
		Optional<String> problem = check(file);
		if (problem.isPresent()) {
			throw new DataDirectoryNotWritableException(this.root, problem.get(), file);
		}
		return path(file);
	}

	/**
	 * The file of a feature that can run without it: empty when it cannot be written,
	 * which is logged once and turns the {@code dataDir} health component DOWN.
	 */
	public synchronized Optional<Path> ifWritable(DataFile file) {
		Optional<String> problem = check(file);
		if (problem.isPresent()) {
			logger.warn("{} is {}, which {}: running without {} until it is fixed (health component dataDir is DOWN)",
					SETTING, this.root, problem.get(), file.description());
			return Optional.empty();
		}
		return Optional.of(path(file));
	}

	Path root() {
		return this.root;
	}

	/** Files asked for so far, each with its problem (empty when writable). */
	synchronized Map<DataFile, Optional<String>> checked() {
		return Map.copyOf(this.checked);
	}

	private Path path(DataFile file) {
		return this.root.resolve(file.location());
	}

	private Optional<String> check(DataFile file) {
		return this.checked.computeIfAbsent(file, (key) -> Optional.ofNullable(problemWith(path(key))));
	}

	private @Nullable String problemWith(Path file) {
		Path directory = file.getParent();
		try {
			Files.createDirectories(directory, ownerOnly(directory));
			Files.delete(Files.createTempFile(directory, ".write-check-", ""));
		}
		catch (IOException ex) {
			return "cannot be written (" + describe(ex) + ")";
		}
		if (Files.exists(file) && !(Files.isReadable(file) && Files.isWritable(file))) {
			return "holds " + this.root.relativize(file) + " but this process may not read and write it";
		}
		return null;
	}

	private static FileAttribute<?>[] ownerOnly(Path directory) {
		if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")) };
	}

	private static String describe(IOException ex) {
		String name = ex.getClass().getSimpleName();
		if (ex instanceof FileSystemException failure && failure.getReason() != null) {
			return name + ": " + failure.getReason();
		}
		return name;
	}

}
