package dev.authwatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client for many connections on one thread: a NIO selector, the upgrade request
 * written by hand, the 101 parsed, server frames decoded, pings answered with masked pongs. It
 * costs a few hundred bytes and no thread per connection, so that on a 2-core machine the server,
 * not the client, is what runs out of CPU. Every method except {@link #submit} runs on the engine
 * thread.
 */
final class WsEngine implements AutoCloseable {

	static final int OP_TEXT = 1;

	static final int OP_CLOSE = 8;

	static final int OP_PING = 9;

	static final int OP_PONG = 10;

	/** What a scenario does when something happens on a connection; called on the engine thread. */
	interface Listener {

		void onOpen(Conn conn, long handshakeNanos);

		/** The upgrade was refused (HTTP status) or failed before it completed (status 0). */
		void onRefused(Conn conn, int status);

		default void onText(Conn conn, ByteBuffer payload) {
		}

		/** @param code the close code the server sent, 1006 when the TCP connection just ended */
		void onClosed(Conn conn, int code);

	}

	final class Conn {

		final SocketChannel channel;

		final Listener listener;

		final long startNanos = System.nanoTime();

		Object attachment;

		private ByteBuffer in = ByteBuffer.allocate(1024);

		private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>(2);

		private boolean open;

		private boolean closeSent;

		private boolean finished;

		Conn(SocketChannel channel, Listener listener) {
			this.channel = channel;
			this.listener = listener;
		}

		boolean isOpen() {
			return this.open && !this.finished;
		}

		void sendText(String text) {
			send(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
		}

		/** Starts the closing handshake; {@link Listener#onClosed} follows when the server has answered. */
		void close(int code) {
			if (this.closeSent || this.finished) {
				return;
			}
			this.closeSent = true;
			send(OP_CLOSE, new byte[] { (byte) (code >> 8), (byte) code });
		}

		void send(int opcode, byte[] payload) {
			if (this.finished) {
				return;
			}
			this.out.add(frame(opcode, payload));
			flush();
		}

		private void flush() {
			try {
				while (!this.out.isEmpty()) {
					ByteBuffer head = this.out.peek();
					this.channel.write(head);
					if (head.hasRemaining()) {
						interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
						return;
					}
					this.out.poll();
				}
				interest(SelectionKey.OP_READ);
			}
			catch (IOException ex) {
				finish(1006);
			}
		}

		private void interest(int ops) {
			SelectionKey key = this.channel.keyFor(WsEngine.this.selector);
			if (key != null && key.isValid() && key.interestOps() != ops) {
				key.interestOps(ops);
			}
		}

		void finish(int code) {
			if (this.finished) {
				return;
			}
			this.finished = true;
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			WsEngine.this.live--;
			if (this.open) {
				this.listener.onClosed(this, code);
			}
			else {
				this.listener.onRefused(this, 0);
			}
		}

		private void onReadable() throws IOException {
			int read = this.channel.read(this.in);
			if (read < 0) {
				finish(1006);
				return;
			}
			this.in.flip();
			if (!this.open) {
				readHandshake();
			}
			if (this.open && !this.finished) {
				readFrames();
			}
			if (!this.finished) {
				if (this.in.hasRemaining() && this.in.position() == 0 && this.in.limit() == this.in.capacity()) {
					ByteBuffer bigger = ByteBuffer.allocate(this.in.capacity() * 2);
					bigger.put(this.in);
					this.in = bigger;
				}
				else {
					this.in.compact();
				}
			}
		}

		private void readHandshake() {
			int end = indexOfHeaderEnd(this.in);
			if (end < 0) {
				return;
			}
			int status = statusOf(this.in);
			this.in.position(end);
			if (status != 101) {
				this.finished = true;
				try {
					this.channel.close();
				}
				catch (IOException ex) {
					// refused anyway
				}
				WsEngine.this.live--;
				this.listener.onRefused(this, status);
				return;
			}
			this.open = true;
			this.listener.onOpen(this, System.nanoTime() - this.startNanos);
		}

		private void readFrames() {
			while (!this.finished && this.in.remaining() >= 2) {
				int start = this.in.position();
				int b0 = this.in.get(start) & 0xFF;
				int b1 = this.in.get(start + 1) & 0x7F;
				int header = 2;
				long length = b1;
				if (b1 == 126) {
					if (this.in.remaining() < 4) {
						return;
					}
					length = this.in.getShort(start + 2) & 0xFFFF;
					header = 4;
				}
				else if (b1 == 127) {
					if (this.in.remaining() < 10) {
						return;
					}
					length = this.in.getLong(start + 2);
					header = 10;
				}
				if (this.in.remaining() < header + length) {
					return;
				}
				ByteBuffer payload = this.in.slice(start + header, (int) length);
				this.in.position(start + header + (int) length);
				onFrame(b0 & 0x0F, payload);
			}
		}

		private void onFrame(int opcode, ByteBuffer payload) {
			switch (opcode) {
				case OP_PING -> {
					byte[] data = new byte[payload.remaining()];
					payload.get(data);
					WsEngine.this.pingsAnswered++;
					send(OP_PONG, data);
				}
				case OP_CLOSE -> {
					int code = (payload.remaining() >= 2) ? (payload.getShort(payload.position()) & 0xFFFF) : 1005;
					if (!this.closeSent) {
						this.closeSent = true;
						send(OP_CLOSE, new byte[] { (byte) (code >> 8), (byte) code });
					}
					finish(code);
				}
				case OP_TEXT -> this.listener.onText(this, payload);
				default -> {
				}
			}
		}

	}

	private final Selector selector;

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final Thread thread;

	private volatile boolean running = true;

	private int live;

	long pingsAnswered;

	WsEngine(String name) {
		try {
			this.selector = Selector.open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.thread = new Thread(this::loop, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Runs {@code task} on the engine thread. */
	void submit(Runnable task) {
		this.tasks.add(task);
		this.selector.wakeup();
	}

	int live() {
		return this.live;
	}

	/**
	 * Opens a connection and writes the upgrade request; engine thread only.
	 * @param extraHeaders complete header lines, each ending in CRLF
	 */
	Conn open(InetSocketAddress server, String pathAndQuery, String extraHeaders, Listener listener) {
		return open(server, null, pathAndQuery, extraHeaders, listener);
	}

	/**
	 * As {@link #open(InetSocketAddress, String, String, Listener)}, from {@code local} (a loopback
	 * address and an explicit port), so that a proxy that hashes client addresses sees many clients.
	 * The port must lie below the ephemeral range: Linux skips every port held by an explicit
	 * {@code bind} when it picks a source port for a plain {@code connect}, whatever the address, so
	 * tens of thousands of {@code bind(address, 0)} sockets would leave the whole machine (nginx's
	 * upstream connections included) without source ports.
	 */
	Conn open(InetSocketAddress server, InetSocketAddress local, String pathAndQuery, String extraHeaders, Listener listener) {
		SocketChannel channel;
		try {
			channel = SocketChannel.open();
			if (local != null) {
				channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
				channel.bind(local);
			}
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
			channel.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Conn conn = new Conn(channel, listener);
		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(key) + "\r\n" + extraHeaders + "\r\n";
		conn.out.add(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
		this.live++;
		try {
			if (channel.connect(server)) {
				channel.register(this.selector, SelectionKey.OP_READ, conn);
				conn.flush();
			}
			else {
				channel.register(this.selector, SelectionKey.OP_CONNECT, conn);
			}
		}
		catch (IOException ex) {
			conn.finish(0);
		}
		return conn;
	}

	private void loop() {
		while (this.running) {
			try {
				this.selector.select(100);
				for (Runnable task = this.tasks.poll(); task != null; task = this.tasks.poll()) {
					task.run();
				}
				Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					handle(key);
				}
			}
			catch (IOException | RuntimeException ex) {
				ex.printStackTrace();
			}
		}
	}

	private void handle(SelectionKey key) {
		Conn conn = (Conn) key.attachment();
		if (!key.isValid()) {
			return;
		}
		try {
			if (key.isConnectable()) {
				conn.channel.finishConnect();
				conn.flush();
				return;
			}
			if (key.isWritable()) {
				conn.flush();
			}
			if (key.isValid() && key.isReadable()) {
				conn.onReadable();
			}
		}
		catch (IOException ex) {
			conn.finish(1006);
		}
	}

	private static ByteBuffer frame(int opcode, byte[] payload) {
		int length = payload.length;
		int header = (length < 126) ? 2 : (length < 65536) ? 4 : 10;
		ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
		frame.put((byte) (0x80 | opcode));
		if (length < 126) {
			frame.put((byte) (0x80 | length));
		}
		else if (length < 65536) {
			frame.put((byte) (0x80 | 126)).putShort((short) length);
		}
		else {
			frame.put((byte) (0x80 | 127)).putLong(length);
		}
		int mask = ThreadLocalRandom.current().nextInt();
		frame.putInt(mask);
		for (int i = 0; i < length; i++) {
			frame.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
		}
		return frame.flip();
	}

	private static int indexOfHeaderEnd(ByteBuffer buffer) {
		for (int i = buffer.position(); i + 3 < buffer.limit(); i++) {
			if (buffer.get(i) == '\r' && buffer.get(i + 1) == '\n' && buffer.get(i + 2) == '\r' && buffer.get(i + 3) == '\n') {
				return i + 4;
			}
		}
		return -1;
	}

	private static int statusOf(ByteBuffer buffer) {
		int p = buffer.position() + "HTTP/1.1 ".length();
		return (buffer.get(p) - '0') * 100 + (buffer.get(p + 1) - '0') * 10 + (buffer.get(p + 2) - '0');
	}

	@Override
	public void close() {
		this.running = false;
		this.selector.wakeup();
		try {
			this.thread.join(5000);
			for (SelectionKey key : this.selector.keys()) {
				key.channel().close();
			}
			this.selector.close();
		}
		catch (IOException | InterruptedException ex) {
			// shutting down
		}
	}

}
