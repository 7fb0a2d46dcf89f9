package dev.authwatch.datadir;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Startup stopped by an unwritable data directory: what is wrong and which setting fixes
 * it, no stack trace.
 */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryNotWritableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryNotWritableException cause) {
		return new FailureAnalysis("AuthWatch's data directory " + cause.directory() + " " + cause
			.problem() + "; " + cause.file().description() + " needs it.", "Point " + DataDirectory.SETTING
					+ " at a directory this process's user can write. In a container,"
					+ " mount a volume there owned by the image's user (the image's default is /var/lib/authwatch).",
				cause);
	}

}
