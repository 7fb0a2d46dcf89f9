package dev.authwatch.jwthealth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * Key state of a single instance on the memory store, in a small properties file in the
 * data directory (key ids and times only: nothing secret). The timeline is kept in the
 * same file.
 */
final class FileKeyStateStore implements KeyStateStore {

	private final Path file;

	FileKeyStateStore(Path file) {
		this.file = file;
	}

	@Override
	public synchronized Optional<String> swapCurrentKeyId(String keyId) {
		Properties state = read();
		String before = state.getProperty("current");
		state.setProperty("current", keyId);
		write(state);
		return Optional.ofNullable(before);
	}

	@Override
	public synchronized void recordRotation(@Nullable String fromKeyId, String toKeyId, Instant at) {
		Properties state = read();
		state.setProperty("last-rotation", at.toString());
		state.setProperty("rotation." + at.toEpochMilli(), fromKeyId + " -> " + toKeyId);
		write(state);
	}

	@Override
	public synchronized Optional<Instant> lastRotation() {
		return Optional.ofNullable(read().getProperty("last-rotation")).map(Instant::parse);
	}

	private Properties read() {
		Properties state = new Properties();
		if (Files.exists(this.file)) {
			try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				state.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the JWT key state file " + this.file.toAbsolutePath(),
						ex);
			}
		}
		return state;
	}

	private void write(Properties state) {
		try (Writer writer = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8)) {
			state.store(writer, "AuthWatch JWT key state: key ids only, safe to share");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the JWT key state file " + this.file.toAbsolutePath(), ex);
		}
	}

}
