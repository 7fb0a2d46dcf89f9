package dev.authwatch.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.authwatch.websocket.AdmissionRecheck;
import dev.authwatch.websocket.ConnectionRegistry;
import dev.authwatch.websocket.RevocationBus.Revocation;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * Closes this instance's connections that another instance revoked. Pub/sub delivers at
 * most once: a revocation told while this instance's subscription was down never arrives,
 * so each (re)subscription checks every open connection against the store, which holds
 * every revocation.
 */
final class RevocationListener implements MessageListener, SubscriptionListener {

	/** How long a user revocation heard of from another instance is kept here. */
	private static final Duration HEARD_OF_RETENTION = Duration.ofDays(1);

	private final ConnectionRegistry registry;

	private final LocalUserRevocations known;

	private final AdmissionRecheck recheck;

	RevocationListener(ConnectionRegistry registry, LocalUserRevocations known, AdmissionRecheck recheck) {
		this.registry = registry;
		this.known = known;
		this.recheck = recheck;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		Revocation revocation = RedisRevocations.parse(new String(message.getBody(), StandardCharsets.UTF_8));
		if (revocation != null) {
			if (revocation.before() != null) {
				// Only lets this instance refuse such a credential at the handshake; the
				// check after registration asks Redis.
				this.known.remember(revocation.id(), revocation.before(), HEARD_OF_RETENTION);
			}
			this.registry.revokeLocally(revocation);
		}
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		this.recheck.checkAll(this.registry.connections());
	}

}
