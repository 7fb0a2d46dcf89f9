package dev.authwatch.datadir;

import java.nio.file.Path;

/** A feature that cannot run without its file found the data directory unwritable. */
public class DataDirectoryNotWritableException extends IllegalStateException {

	private final Path directory;

	private final String problem;

	private final DataFile file;

	DataDirectoryNotWritableException(Path directory, String problem, DataFile file) {
		super(DataDirectory.SETTING + " is " + directory + ", which " + problem + "; " + file.description()
				+ " needs it. Make it a directory this process's user can write, e.g. a volume owned by that user.");
		this.directory = directory;
		this.problem = problem;
		this.file = file;
	}

	Path directory() {
		return this.directory;
	}

	String problem() {
		return this.problem;
	}

	DataFile file() {
		return this.file;
	}

}
