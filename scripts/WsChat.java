import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Scanner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A minimal WebSocket client that needs only a JDK (11+), for trying AuthWatch by hand:
 *
 * <pre>
 * java scripts/WsChat.java ws://localhost:8080/ws/chat "$TOKEN"
 * </pre>
 *
 * Each line typed is sent as a text frame; every frame received is printed. Without a token the
 * URL may carry a ticket ({@code ?ticket=...}). The close code and reason are printed on close.
 */
public class WsChat {

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: java scripts/WsChat.java <ws-url> [access-token]");
			System.exit(2);
		}
		CompletableFuture<Void> closed = new CompletableFuture<>();
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (args.length > 1) {
			builder.header("Authorization", "Bearer " + args[1]);
		}
		WebSocket socket;
		try {
			socket = builder.buildAsync(URI.create(args[0]), new WebSocket.Listener() {
				private final StringBuilder partial = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					this.partial.append(data);
					if (last) {
						System.out.println("< " + this.partial);
						this.partial.setLength(0);
					}
					webSocket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					System.out.println("closed: " + statusCode + " " + reason);
					closed.complete(null);
					return null;
				}
			}).join();
		}
		catch (Exception ex) {
			if (ex.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
				System.err.println("handshake refused: HTTP " + refused.getResponse().statusCode() + " "
						+ (refused.getResponse().body() != null ? refused.getResponse().body() : ""));
			}
			else {
				System.err.println("handshake failed: " + ex.getCause());
			}
			System.exit(1);
			return;
		}
		Thread input = new Thread(() -> {
			Scanner scanner = new Scanner(System.in);
			while (scanner.hasNextLine() && !closed.isDone()) {
				socket.sendText(scanner.nextLine(), true).join();
			}
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		});
		input.setDaemon(true);
		input.start();
		closed.join();
	}

}
