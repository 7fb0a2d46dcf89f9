package dev.authwatch.cluster;

import java.util.List;

/**
 * Which user has which connection on which instance. This instance's own connections are
 * in its {@link dev.authwatch.websocket.ConnectionRegistry}, live; the directory answers
 * for the others.
 */
public interface ConnectionDirectory {

	/** The memory store: there is no other instance. */
	ConnectionDirectory SINGLE_INSTANCE = (userId) -> List.of();

	/**
	 * The user's connections on the other live instances, as of their last directory
	 * update.
	 */
	List<DirectoryEntry> elsewhere(String userId);

}
