package dev.authwatch.websocket;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.HttpRequestHandler;

/**
 * Upgrades {@code /ws/chat} from the servlet filter chain, after Spring Session and the
 * request context, before Spring Security's filter chain and Spring MVC's dispatcher. The
 * handshake authenticates itself (the interceptor's admission path); what Spring Security
 * gave it is kept with Spring Security's own parts, applied once: the firewall checks the
 * path, every header and every parameter before anything reads them (its wrapper checked
 * a header at each read; a refused path is answered 400 here), and the security headers
 * are set before the handshake answers; no WebSocket extension is negotiated
 * ({@link WithoutExtensionOffers}). The rest of the way, the firewalled request and
 * response wrappers, the dispatcher and its handler mapping, cost about a fifth of a JWT
 * upgrade's server CPU (docs/benchmarks.md, "Against what users would run instead").
 */
final class HandshakeFilter implements Filter {

	private final HttpFirewall firewall;

	private final RequestRejectedHandler rejected;

	private final List<HeaderWriter> headers;

	private final HttpRequestHandler handshake;

	HandshakeFilter(HttpFirewall firewall, RequestRejectedHandler rejected, List<HeaderWriter> headers,
			HttpRequestHandler handshake) {
		this.firewall = firewall;
		this.rejected = rejected;
		this.headers = List.copyOf(headers);
		this.handshake = handshake;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		HttpServletRequest firewalled;
		try {
			firewalled = this.firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			this.rejected.handle(request, response, ex);
			return;
		}
		for (HeaderWriter writer : this.headers) {
			writer.writeHeaders(request, response);
		}
		this.handshake.handleRequest(WithoutExtensionOffers.of(allowed(firewalled) ? request : firewalled), response);
	}

	/**
	 * Reads every header and parameter from the firewalled request, which checks what is
	 * read from it. A refused one is left for the handshake to meet through that request:
	 * the authentication chain answers it as a {@code malformed} credential, an attempt
	 * like any other.
	 */
	private static boolean allowed(HttpServletRequest firewalled) {
		try {
			Enumeration<String> names = firewalled.getHeaderNames();
			while (names.hasMoreElements()) {
				Enumeration<String> values = firewalled.getHeaders(names.nextElement());
				while (values.hasMoreElements()) {
					values.nextElement();
				}
			}
			firewalled.getParameterMap();
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

}
