package dev.authwatch.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * Appends each reset link to a file in the data directory that a developer can read (one
 * line per link). The file is created readable by its owner only; links never go to the
 * application log.
 */
final class OutboxResetNotifier implements ResetNotifier {

	private final Path outbox;

	private final Clock clock;

	OutboxResetNotifier(Path outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public synchronized void send(String username, URI link) {
		String line = this.clock.instant() + " to=" + username + " link=" + link + System.lineSeparator();
		try {
			createIfAbsent();
			Files.writeString(this.outbox, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the password-reset outbox " + this.outbox, ex);
		}
	}

	private void createIfAbsent() throws IOException {
		if (Files.exists(this.outbox)) {
			return;
		}
		try {
			Files.createFile(this.outbox,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(this.outbox);
		}
	}

}
