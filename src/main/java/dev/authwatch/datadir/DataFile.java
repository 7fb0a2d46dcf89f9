package dev.authwatch.datadir;

/**
 * Every file AuthWatch writes at run time, each at its place in the data directory. A
 * feature that cannot run without its file asks {@link DataDirectory#require}, one that
 * can asks {@link DataDirectory#ifWritable}.
 */
public enum DataFile {

	/** Without it a development instance has no signing key: required. */
	DEVELOPMENT_SECRET("dev-jwt-secret", "the generated development JWT secret"),

	/**
	 * Without it the memory store forgets its key id at every restart, so a rotation goes
	 * unnoticed; authentication itself is unaffected: optional.
	 */
	JWT_KEY_STATE("jwt-key-state", "the JWT key state (rotation detection on the memory store)"),

	/** Without it every reset link would be lost behind the same 202: required. */
	RESET_OUTBOX("outbox/password-reset.log", "the password-reset outbox");

	private final String location;

	private final String description;

	DataFile(String location, String description) {
		this.location = location;
		this.description = description;
	}

	String location() {
		return this.location;
	}

	String description() {
		return this.description;
	}

}
