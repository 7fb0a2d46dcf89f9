package dev.authwatch.auth.oauth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Providers that fail the way real ones do: {@link #hanging()} accepts connections and
 * never answers; {@link #downPort()} is a loopback port nothing listens on (connection
 * refused).
 */
final class UnresponsiveProviders implements AutoCloseable {

	private final ServerSocket hanging;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private final int downPort;

	UnresponsiveProviders() throws IOException {
		this.hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptForever, "hanging-provider");
		acceptor.setDaemon(true);
		acceptor.start();
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.downPort = closed.getLocalPort();
		}
	}

	private void acceptForever() {
		while (!this.hanging.isClosed()) {
			try {
				this.held.add(this.hanging.accept());
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	String hanging(String path) {
		return "http://127.0.0.1:" + this.hanging.getLocalPort() + path;
	}

	String down(String path) {
		return "http://127.0.0.1:" + this.downPort + path;
	}

	@Override
	public void close() throws IOException {
		this.hanging.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

}
