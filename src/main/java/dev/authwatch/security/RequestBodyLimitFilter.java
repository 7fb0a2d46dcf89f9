package dev.authwatch.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.authwatch.auth.FailureReason;
import dev.authwatch.errors.ErrorBody;
import dev.authwatch.errors.ErrorResponses;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.Limit;
import dev.authwatch.metrics.LimitMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it. A declared {@code Content-Length}
 * over the limit is answered 413 at once, unread; a body without one (chunked) reads
 * through a stream that fails once it crosses the limit, which {@link RequestBodyErrors}
 * answers 413. Nothing here buffers: the limit costs a counter per read.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

	static final ErrorBody TOO_LARGE = ErrorBody.of(FailureReason.MALFORMED,
			"The request body is larger than this service accepts.");

	private final long maxBytes;

	private final AuthMetrics metrics;

	private final LimitMetrics limits;

	private final JsonMapper json;

	RequestBodyLimitFilter(HttpLimitsProperties properties, AuthMetrics metrics, LimitMetrics limits, JsonMapper json) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.metrics = metrics;
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			this.metrics.error(FailureReason.MALFORMED);
			this.limits.record(Limit.REQUEST_BODY);
			// Do not let the container read the rest of the body to keep the connection
			// alive.
			response.setHeader(HttpHeaders.CONNECTION, "close");
			ErrorResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, this.json);
			return;
		}
		chain.doFilter((declared >= 0) ? request : new Limited(request, this.maxBytes), response);
	}

	/** The request with a body stream that refuses to read past the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable LimitedInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1));
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long remaining;

		LimitedInputStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.remaining = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int bytes) throws RequestBodyTooLargeException {
			this.remaining -= bytes;
			if (this.remaining < 0) {
				throw new RequestBodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
