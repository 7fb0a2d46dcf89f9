package dev.authwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

import dev.authwatch.support.ExternalTool;

/**
 * The user the image runs AuthWatch as: not root, owner of the data volume and nothing
 * else. A test running as root switches to {@code nobody} with {@code setpriv} (root
 * would write anywhere); any other user already is such a user, and file permissions bind
 * it.
 */
final class ImageUser {

	private static final String NOBODY = "65534";

	private final List<String> prefix;

	private ImageUser(List<String> prefix) {
		this.prefix = prefix;
	}

	/**
	 * This user, or skip (locally) / fail (on CI) when root cannot switch to another user
	 * here.
	 */
	static ImageUser require(Path scratch) throws IOException {
		if (!isRoot(scratch)) {
			return new ImageUser(List.of());
		}
		ExternalTool setpriv = ExternalTool.require("setpriv", "util-linux");
		return new ImageUser(
				List.of(setpriv.path().toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
	}

	private static boolean isRoot(Path scratch) throws IOException {
		return ((Integer) Files.getAttribute(scratch, "unix:uid")).intValue() == 0;
	}

	private boolean switches() {
		return !this.prefix.isEmpty();
	}

	/** {@code command} run as this user. */
	List<String> command(List<String> command) {
		List<String> all = new ArrayList<>(this.prefix);
		all.addAll(command);
		return all;
	}

	/** A directory only this user may write: the image's data volume. */
	void owns(Path directory) throws IOException {
		if (switches()) {
			UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
			PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
			view.setOwner(users.lookupPrincipalByName(NOBODY));
			view.setGroup(users.lookupPrincipalByGroupName(NOBODY));
		}
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
	}

	/**
	 * A directory this user may read and enter but not write: the image's {@code /app}.
	 */
	void mayOnlyRead(Path directory) throws IOException {
		// Root keeps ownership (as in the image); any other user loses its own write bit.
		Files.setPosixFilePermissions(directory,
				PosixFilePermissions.fromString(switches() ? "rwxr-xr-x" : "r-xr-xr-x"));
	}

}
