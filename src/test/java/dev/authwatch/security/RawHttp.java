package dev.authwatch.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import dev.authwatch.support.ResponseHead;

/**
 * An HTTP POST written on a plain socket, so that a test can send a body of any size
 * without the client allocating it: the body is one JSON member whose value repeats one
 * byte. Writing stops as soon as the server answers and closes, which is what a limit
 * should make it do.
 */
final class RawHttp {

	private static final byte[] FILLER = new byte[64 * 1024];

	static {
		Arrays.fill(FILLER, (byte) 'a');
	}

	record Response(int status, Map<String, String> headers, String body, long bytesWritten) {
	}

	private RawHttp() {
	}

	/**
	 * POSTs {@code {"username":"aaa…","password":"x"}} with a username of
	 * {@code fillerBytes}.
	 * @param chunked send without {@code Content-Length}, in chunks, as a client that
	 * hides the size does
	 */
	static Response postLogin(int port, long fillerBytes, boolean chunked) throws IOException {
		byte[] head = "{\"username\":\"".getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\",\"password\":\"x\"}".getBytes(StandardCharsets.US_ASCII);
		long length = head.length + fillerBytes + tail.length;
		StringBuilder request = new StringBuilder().append("POST /api/auth/login HTTP/1.1\r\n")
			.append("Host: localhost:")
			.append(port)
			.append("\r\n")
			.append("Content-Type: application/json\r\nConnection: close\r\n");
		request.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
			.append("\r\n");
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			long written = 0;
			try {
				out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
				written += write(out, head, head.length, chunked);
				for (long left = fillerBytes; left > 0;) {
					int n = (int) Math.min(left, FILLER.length);
					written += write(out, FILLER, n, chunked);
					left -= n;
				}
				written += write(out, tail, tail.length, chunked);
				if (chunked) {
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.flush();
			}
			catch (SocketException ex) {
				// The server answered and closed before the whole body was sent.
			}
			return read(socket.getInputStream(), written);
		}
	}

	private static int write(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
		if (chunked) {
			out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		out.write(bytes, 0, length);
		if (chunked) {
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return length;
	}

	private static Response read(InputStream in, long written) throws IOException {
		ResponseHead head = ResponseHead.read(in);
		String length = head.headers().get("content-length");
		byte[] body = (length != null) ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
		return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8), written);
	}

}
