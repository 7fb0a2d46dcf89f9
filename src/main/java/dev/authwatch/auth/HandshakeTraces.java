package dev.authwatch.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Traces registered for one handshake each. A caller inside the service registers a
 * {@link ChainTrace}, sends the handshake with the returned id in {@link #HEADER}, and
 * the handshake interceptor claims it. Ids are 128 random bits, single use and known only
 * to the registering code, so a client sending the header learns nothing: an unknown id
 * is ignored.
 */
public final class HandshakeTraces {

	public static final String HEADER = "X-AuthWatch-Trace";

	private static final int MAX_PENDING = 64;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, ChainTrace> pending = new ConcurrentHashMap<>();

	/**
	 * @return the id to send in {@link #HEADER}
	 */
	public String register(ChainTrace trace) {
		if (this.pending.size() >= MAX_PENDING) {
			throw new IllegalStateException("Too many traced handshakes in flight");
		}
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes);
		this.pending.put(id, trace);
		return id;
	}

	/**
	 * @return the trace registered under {@code id}, once; {@code null} for an unknown id
	 */
	public @Nullable ChainTrace claim(@Nullable String id) {
		return (id != null) ? this.pending.remove(id) : null;
	}

	/** Forgets a trace whose handshake never arrived. */
	public void discard(String id) {
		this.pending.remove(id);
	}

}
