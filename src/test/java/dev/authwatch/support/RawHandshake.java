package dev.authwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket upgrade request written on a plain socket, so that tests see exactly what a
 * client sees when a handshake is refused: the status line, the headers and the body.
 */
public final class RawHandshake {

	private final int port;

	private String path = "/ws/chat";

	private final Map<String, String> headers = new LinkedHashMap<>();

	private RawHandshake(int port) {
		this.port = port;
	}

	public static RawHandshake to(int port) {
		return new RawHandshake(port);
	}

	public RawHandshake path(String path) {
		this.path = path;
		return this;
	}

	public RawHandshake header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public RawHandshake bearer(String token) {
		return header("Authorization", "Bearer " + token);
	}

	public record Response(int status, Map<String, String> headers, String body) {
	}

	public Response send() throws IOException {
		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		StringBuilder request = new StringBuilder().append("GET ")
			.append(this.path)
			.append(" HTTP/1.1\r\n")
			.append("Host: localhost:")
			.append(this.port)
			.append("\r\n")
			.append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
			.append("Sec-WebSocket-Version: 13\r\n")
			.append("Sec-WebSocket-Key: ")
			.append(Base64.getEncoder().encodeToString(key))
			.append("\r\n");
		this.headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		ResponseHead head = ResponseHead.read(in);
		if (head.status() == 101) {
			return new Response(head.status(), head.headers(), "");
		}
		int length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
		return new Response(head.status(), head.headers(), new String(in.readNBytes(length), StandardCharsets.UTF_8));
	}

}
