package dev.authwatch.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client on a plain socket that completes the handshake and then never
 * answers anything: the peer a heartbeat must detect. It only reads, to see what the
 * server sends, or not even that: a reader that stopped reading.
 */
public final class SilentWebSocket implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private SilentWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
	}

	public static SilentWebSocket connect(int port, String bearerToken) throws IOException {
		return connect(port, bearerToken, 0);
	}

	/**
	 * @param receiveBufferBytes the socket's receive buffer (0: the system's), small for
	 * a reader that stops reading
	 */
	public static SilentWebSocket connect(int port, String bearerToken, int receiveBufferBytes) throws IOException {
		Socket socket = new Socket();
		if (receiveBufferBytes > 0) {
			socket.setReceiveBufferSize(receiveBufferBytes);
		}
		socket.connect(new java.net.InetSocketAddress("localhost", port));
		socket.setSoTimeout(15_000);
		String request = "GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(new byte[16]) + "\r\nAuthorization: Bearer " + bearerToken
				+ "\r\n\r\n";
		socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
		SilentWebSocket client = new SilentWebSocket(socket);
		client.skipHandshakeResponse();
		return client;
	}

	private void skipHandshakeResponse() throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = this.in.read();
			if (b < 0) {
				throw new IOException("closed during the handshake");
			}
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
	}

	/** Sends one masked text frame (under 126 bytes), e.g. a join. */
	public void sendText(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] mask = { 1, 2, 3, 4 };
		byte[] frame = new byte[2 + 4 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		this.socket.getOutputStream().write(frame);
	}

	public record Frames(int pings, int closeCode) {
	}

	/**
	 * Reads until the server's close frame, counting the pings left unanswered on the
	 * way.
	 */
	public Frames readUntilClose() throws IOException {
		int pings = 0;
		while (true) {
			int opcode = this.in.readUnsignedByte() & 0x0F;
			int length = this.in.readUnsignedByte() & 0x7F;
			long size = (length == 126) ? this.in.readUnsignedShort() : (length == 127) ? this.in.readLong() : length;
			byte[] payload = this.in.readNBytes((int) size);
			if (opcode == 0x9) {
				pings++;
			}
			if (opcode == 0x8) {
				int code = (payload.length >= 2) ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
				return new Frames(pings, code);
			}
		}
	}

	/** Drops the connection as a crashed client would: a reset, no close frame. */
	public void reset() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
