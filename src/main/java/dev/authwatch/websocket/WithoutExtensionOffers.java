package dev.authwatch.websocket;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A handshake request without its {@code Sec-WebSocket-Extensions} offer, so that no
 * extension is negotiated. Browsers and Node offer permessage-deflate on every
 * connection, and Tomcat accepts it whatever Spring's handshake selected: it then keeps a
 * zlib compressor and decompressor for the connection's whole life. 2,000 idle
 * connections that negotiated it took 288 MB more resident memory, outside the heap and
 * its limit, than 2,000 that did not (24 MB), and every member's copy of a broadcast
 * would be compressed on its own. Chat frames are a few hundred bytes: there is little to
 * gain.
 */
final class WithoutExtensionOffers extends HttpServletRequestWrapper {

	static final String HEADER = "Sec-WebSocket-Extensions";

	private WithoutExtensionOffers(HttpServletRequest request) {
		super(request);
	}

	/** The request itself when it offers no extension (most non-browser clients). */
	static HttpServletRequest of(HttpServletRequest request) {
		return (request.getHeader(HEADER) != null) ? new WithoutExtensionOffers(request) : request;
	}

	@Override
	public @Nullable String getHeader(String name) {
		return HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return HEADER.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(Collections.list(super.getHeaderNames())
			.stream()
			.filter((name) -> !HEADER.equalsIgnoreCase(name))
			.toList());
	}

}
