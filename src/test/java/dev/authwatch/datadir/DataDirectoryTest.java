package dev.authwatch.datadir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DataDirectoryTest {

	@TempDir
	Path directory;

	private DataDirectory at(Path root) {
		return new DataDirectory(root);
	}

	/** A path below a regular file: no user, not even root, can create it. */
	private Path unwritable() throws Exception {
		return Files.writeString(this.directory.resolve("a-file"), "").resolve("data");
	}

	@Test
	void eachFileHasItsPlaceInOneOwnerOnlyDirectory() throws Exception {
		Path root = this.directory.resolve("data");
		DataDirectory data = at(root);

		assertThat(data.require(DataFile.RESET_OUTBOX)).isEqualTo(root.resolve("outbox/password-reset.log"));
		assertThat(data.require(DataFile.DEVELOPMENT_SECRET)).isEqualTo(root.resolve("dev-jwt-secret"));
		assertThat(data.ifWritable(DataFile.JWT_KEY_STATE)).contains(root.resolve("jwt-key-state"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
		assertThat(root.resolve("outbox")).isDirectory();
		assertThat(root).isDirectoryNotContaining((file) -> file.getFileName().toString().startsWith(".write-check"));
	}

	@Test
	void aRelativeDirectoryIsResolvedAgainstTheWorkingDirectory() {
		assertThat(at(Path.of(".authwatch")).root()).isEqualTo(Path.of("").toAbsolutePath().resolve(".authwatch"));
	}

	@Test
	void aRequiredFileInAnUnwritableDirectoryIsAnExceptionNamingTheSettingAndTheFeature() throws Exception {
		Path root = unwritable();

		assertThatThrownBy(() -> at(root).require(DataFile.RESET_OUTBOX))
			.isInstanceOf(DataDirectoryNotWritableException.class)
			.hasMessageStartingWith(
					"AUTHWATCH_DATA_DIR (authwatch.data-dir) is " + root + ", which cannot be written (")
			.hasMessageContaining("the password-reset outbox needs it");
	}

	@Test
	void anOptionalFileInAnUnwritableDirectoryIsAbsentAndTheHealthComponentIsDown() throws Exception {
		DataDirectory data = at(unwritable());

		assertThat(data.ifWritable(DataFile.JWT_KEY_STATE)).isEmpty();
		Health health = new DataDirectoryHealthIndicator(data).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("path", data.root().toString());
		assertThat(health.getDetails().get("files"))
			.asInstanceOf(InstanceOfAssertFactories.map(String.class, String.class))
			.hasEntrySatisfying("jwt-key-state", (problem) -> assertThat(problem).startsWith("cannot be written ("));
	}

	@Test
	void theHealthComponentIsUpAndListsTheFilesInUse() {
		DataDirectory data = at(this.directory.resolve("data"));
		data.require(DataFile.RESET_OUTBOX);

		Health health = new DataDirectoryHealthIndicator(data).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("files", Map.of("outbox/password-reset.log", "writable"));
	}

	@Test
	void aFileThisProcessMayNotWriteIsAProblemEvenInAWritableDirectory() throws Exception {
		Path root = Files.createDirectory(this.directory.resolve("data"));
		Path state = Files.writeString(root.resolve("jwt-key-state"), "");
		Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r--r--r--"));
		assumeFalse(Files.isWritable(state), "root may write any file; PackagedJarTest runs as another user");

		assertThat(at(root).ifWritable(DataFile.JWT_KEY_STATE)).isEmpty();
	}

	@Test
	void theStartupFailureSaysWhatIsWrongAndWhichSettingFixesIt() throws Exception {
		Path root = unwritable();
		DataDirectoryNotWritableException failure = catchThrowableOfType(DataDirectoryNotWritableException.class,
				() -> at(root).require(DataFile.DEVELOPMENT_SECRET));

		FailureAnalysis analysis = new DataDirectoryFailureAnalyzer().analyze(new IllegalStateException(failure));

		assertThat(analysis.getDescription()).startsWith("AuthWatch's data directory " + root + " cannot be written (")
			.endsWith("the generated development JWT secret needs it.");
		assertThat(analysis.getAction()).contains("AUTHWATCH_DATA_DIR (authwatch.data-dir)", "/var/lib/authwatch");
	}

}
