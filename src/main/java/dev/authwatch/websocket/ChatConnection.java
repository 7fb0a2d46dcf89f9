package dev.authwatch.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.authwatch.auth.AuthenticatedPrincipal;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * One live, authenticated WebSocket connection: who it is, until when its credential is
 * valid, the rooms it has joined, its message budget, its heartbeat state and its
 * {@link Outbox}. Nothing sent to it blocks the sender: text frames go through the
 * outbox; pings and close frames are control frames the container writes with a short
 * timeout ({@link #CONTROL_FRAME_TIMEOUT_MILLIS}; a ping {@link #PING_TIMEOUT_MILLIS}),
 * never behind a stuck text frame, and a close frame only after the frames queued before
 * it.
 */
public final class ChatConnection {

	/**
	 * Tomcat's per-session limit on a blocking write (pings and close frames); its
	 * default is 20 s.
	 */
	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	/**
	 * Tomcat's limit on the close frame of a close with any code but 1000, in place of
	 * {@link #BLOCKING_SEND_TIMEOUT}: 50 ms by default, and 0 means that default.
	 */
	private static final String ABNORMAL_CLOSE_SEND_TIMEOUT = "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";

	static final long CONTROL_FRAME_TIMEOUT_MILLIS = 1000;

	/**
	 * A ping's limit, longer than other control frames': only the heartbeat thread waits
	 * for it, and a second of stall (a full collection, two busy cores) must not close an
	 * idle connection that reads.
	 */
	static final long PING_TIMEOUT_MILLIS = 5000;

	/** The most stall credit a connection holds, in seconds of its frame budget. */
	static final int STALL_CREDIT_SECONDS = 30;

	/**
	 * 1013, try again later: the peer does not read what it is sent. Not a policy
	 * violation (1008 stops the JavaScript client): a client on a congested link
	 * reconnects and catches up from the room's history. Most such peers never read the
	 * close frame anyway and see 1006, on which the client reconnects too.
	 */
	static final CloseStatus SLOW_CONSUMER = CloseStatus.SERVICE_OVERLOAD.withReason("slow consumer");

	private final WebSocketSession session;

	private final Session container;

	private final Outbox outbox;

	private final Runnable slowConsumerCounter;

	private final Instant connectedAt;

	private final Set<String> rooms = ConcurrentHashMap.newKeySet();

	private final AtomicReference<DisconnectReason> closeReason = new AtomicReference<>();

	/** Set while a ping is written. */
	private volatile boolean pinging;

	private final Bucket messageBudget;

	private final int framesPerSecond;

	/**
	 * Frames owed for the server's own stalls (see {@link #handled}); only the
	 * container's thread for this session touches it.
	 */
	private double stallCredit;

	private final Heartbeat heartbeat = new Heartbeat();

	private volatile AuthenticatedPrincipal principal;

	private volatile @Nullable ScheduledFuture<?> expiryTask;

	/**
	 * Parts of a text message that arrived split; only the container's thread for this
	 * session touches it.
	 */
	private @Nullable StringBuilder partialText;

	private long partialTextBytes;

	/**
	 * @param session the container's session (not a decorator: its native session writes
	 * asynchronously)
	 * @param slowConsumerCounter counts a connection closed as a slow consumer
	 */
	ChatConnection(WebSocketSession session, AuthenticatedPrincipal principal, Instant connectedAt,
			Bucket messageBudget, WebSocketProperties properties, Runnable slowConsumerCounter) {
		this.session = session;
		this.principal = principal;
		this.connectedAt = connectedAt;
		this.messageBudget = messageBudget;
		this.framesPerSecond = properties.maxMessagesPerSecond();
		this.slowConsumerCounter = slowConsumerCounter;
		this.container = ((NativeWebSocketSession) session).getNativeSession(Session.class);
		limitBlockingWrites(CONTROL_FRAME_TIMEOUT_MILLIS);
		RemoteEndpoint.Async remote = this.container.getAsyncRemote();
		// The outbox enforces the send time limit itself. A container timeout would
		// register every frame with Tomcat's one WsWriteTimeout (a container-wide lock,
		// twice per frame, and a new background thread each time the count of pending
		// writes rises from zero).
		remote.setSendTimeout(-1);
		this.outbox = new Outbox(remote, properties.sendBufferLimit().toBytes(), properties.sendTimeLimit().toNanos(),
				new Outbox.Failure() {

					@Override
					public void slowConsumer() {
						closeSlowConsumer();
					}

					@Override
					public void sendFailed() {
						// The socket broke under a write: the client is gone,
						// as when it breaks between writes. A drop's own
						// failed write keeps the drop's reason.
						close(CloseStatus.GOING_AWAY.withReason("send failed"), DisconnectReason.CLIENT_CLOSE);
					}

				});
	}

	public String id() {
		return this.session.getId();
	}

	public AuthenticatedPrincipal principal() {
		return this.principal;
	}

	public Instant connectedAt() {
		return this.connectedAt;
	}

	/** The credential expiry as of now: reauthentication moves it. */
	public Instant credentialExpiresAt() {
		return this.principal.expiresAt();
	}

	/**
	 * The peer's address as the container saw it (behind a trusted proxy, the forwarded
	 * one).
	 */
	public @Nullable String remoteAddress() {
		java.net.InetSocketAddress address = this.session.getRemoteAddress();
		if (address == null) {
			return null;
		}
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	public Heartbeat heartbeat() {
		return this.heartbeat;
	}

	Set<String> rooms() {
		return this.rooms;
	}

	/** UTF-8 bytes of the text message being assembled so far. */
	long partialTextBytes() {
		return this.partialTextBytes;
	}

	/**
	 * Collects a text message the container delivers in parts (it buffers only a small
	 * part, see {@code WebSocketConfiguration}). A message that arrives whole, the usual
	 * case, is returned without being copied.
	 * @return the whole message once its last part arrived, {@code null} while parts are
	 * missing
	 */
	@Nullable String appendText(String part, int bytes, boolean last) {
		if (last && this.partialText == null) {
			return part;
		}
		if (this.partialText == null) {
			this.partialText = new StringBuilder(part.length() * 2);
		}
		this.partialText.append(part);
		this.partialTextBytes += bytes;
		if (!last) {
			return null;
		}
		String whole = this.partialText.toString();
		this.partialText = null;
		this.partialTextBytes = 0;
		return whole;
	}

	boolean tryConsumeMessage() {
		if (this.messageBudget.tryConsume(1)) {
			return true;
		}
		if (this.stallCredit < 1) {
			return false;
		}
		this.stallCredit -= 1;
		return true;
	}

	/**
	 * Handling the last frame took {@code nanos}. Beyond one frame's share of a second
	 * that was the server's time (a store that stalled), during which the client's next
	 * frames waited in the socket and will be read at once: the bucket, capped at one
	 * second's budget, cannot absorb them, so the excess time is credited as frames, up
	 * to {@link #STALL_CREDIT_SECONDS}. A healthy store takes well under a frame's share:
	 * a flooder earns nothing.
	 */
	void handled(long nanos) {
		double credit = nanos / 1e9 * this.framesPerSecond - 1;
		if (credit > 0) {
			this.stallCredit = Math.min(this.stallCredit + credit,
					STALL_CREDIT_SECONDS * (double) this.framesPerSecond);
		}
	}

	/**
	 * Replaces the principal after in-band reauthentication; the caller reschedules
	 * expiry.
	 */
	void reauthenticated(AuthenticatedPrincipal renewed) {
		this.principal = renewed;
	}

	void expiryTask(@Nullable ScheduledFuture<?> task) {
		ScheduledFuture<?> previous = this.expiryTask;
		this.expiryTask = task;
		if (previous != null) {
			previous.cancel(false);
		}
	}

	/**
	 * Writes the connection's first frame, before anything else can reach the connection:
	 * a blocking write into the new socket's empty buffer, bounded by
	 * {@link #CONTROL_FRAME_TIMEOUT_MILLIS}. Not through the outbox: when a client's
	 * close frame arrives while an asynchronous write's completion is still on its way,
	 * Tomcat answers the close by spinning ({@code Thread.yield()}) until that completion
	 * has run, and a client that closes right after the 101 waited ~50 ms for its close
	 * reply, one connection in ten (docs/benchmarks.md).
	 * @return whether it was written; if not, the container has closed the session
	 */
	boolean sendFirst(TextMessage message) {
		try {
			this.session.sendMessage(message);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			// The container closed the session: the peer is gone or did not read.
			return false;
		}
	}

	/**
	 * Queues a text frame; never blocks, never throws (a connection that cannot keep up
	 * is closed).
	 */
	void send(TextMessage message) {
		this.outbox.offer(message.getPayload());
	}

	/**
	 * Characters of text frames that may still be queued for the peer before it counts as
	 * a slow consumer ({@code send-buffer-limit}).
	 */
	long sendRoom() {
		return this.outbox.room();
	}

	/**
	 * Closes the connection as a slow consumer if a text frame has been stuck for the
	 * send time limit: found by the next send or, for a connection nothing more is sent
	 * to, the heartbeat.
	 * @return whether it was closed
	 */
	boolean closeIfStalled() {
		if (!this.outbox.stalled()) {
			return false;
		}
		closeSlowConsumer();
		return true;
	}

	/**
	 * Runs the heartbeat's turn (a ping, or a close for missed pongs) unless text frames
	 * are being written to the peer: they complete, so it reads, and a ping must not
	 * overlap them (see {@link Outbox#runWhenIdle}).
	 */
	void whenNotWriting(Runnable heartbeatTurn) {
		this.outbox.runWhenIdle(heartbeatTurn);
	}

	/** Pings; the heartbeat calls it inside {@link #whenNotWriting}. */
	void ping(ByteBuffer payload) {
		this.pinging = true;
		try {
			limitBlockingWrites(PING_TIMEOUT_MILLIS);
			this.session.sendMessage(new PingMessage(payload));
		}
		catch (IOException | RuntimeException ex) {
			// Closed meanwhile (Tomcat refuses even its properties then), or the write
			// failed.
			close(CloseStatus.POLICY_VIOLATION.withReason("send failed"), DisconnectReason.POLICY);
		}
		finally {
			this.pinging = false;
		}
	}

	/**
	 * Whether a ping is being written: when that write fails, Tomcat closes the session
	 * (1001 to the peer, 1006 here) before {@link #ping} hears of it.
	 */
	boolean pinging() {
		return this.pinging;
	}

	/**
	 * A peer that does not read would not read a close frame either: the connection is
	 * dropped at once, what is queued for it discarded.
	 */
	private void closeSlowConsumer() {
		if (this.closeReason.compareAndSet(null, DisconnectReason.POLICY)) {
			this.slowConsumerCounter.run();
		}
		drop(SLOW_CONSUMER);
	}

	/**
	 * Closes from the server side, remembering why for the disconnect metric. The close
	 * frame follows the frames queued before it and waits at most
	 * {@link #CONTROL_FRAME_TIMEOUT_MILLIS} for the peer; a peer that stopped reading is
	 * dropped at once.
	 */
	public void close(CloseStatus status, DisconnectReason reason) {
		this.closeReason.compareAndSet(null, reason);
		if (this.outbox.stalled()) {
			drop(status);
			return;
		}
		expiryTask(null);
		this.outbox.closeAfterPending(() -> closeSession(status, CONTROL_FRAME_TIMEOUT_MILLIS));
	}

	private void drop(CloseStatus status) {
		expiryTask(null);
		this.outbox.abort();
		// Tomcat's least wait. Its default held the dropping thread
		// (a room's fan-out) 50 ms behind the stuck write; the members
		// after this one then got all at once what had waited.
		this.container.getUserProperties().put(ABNORMAL_CLOSE_SEND_TIMEOUT, 1L);
		closeSession(status, 0);
	}

	/**
	 * @param closeFrameMillis how long the close frame may wait for the peer; 0: not at
	 * all
	 */
	private void closeSession(CloseStatus status, long closeFrameMillis) {
		try {
			limitBlockingWrites(closeFrameMillis);
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			// Already closed or broken: the container will report the close.
		}
	}

	/**
	 * Tomcat reads the limit of a blocking write (the welcome, a ping, a close frame)
	 * from the session's properties at each write; each sets its own.
	 */
	private void limitBlockingWrites(long millis) {
		this.container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, millis);
	}

	@Nullable DisconnectReason serverCloseReason() {
		return this.closeReason.get();
	}

}
