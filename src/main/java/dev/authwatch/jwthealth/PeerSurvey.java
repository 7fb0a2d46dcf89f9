package dev.authwatch.jwthealth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a list of peers for their key ids, proving this process holds its key
 * ({@link PeerProof}), and compares them with this process's own key id. For the
 * {@code monitor} command; without a usable local key every peer is unknown, since peers
 * tell their key id only to a holder of a key they accept.
 */
public final class PeerSurvey {

	private final HttpPeers peers;

	private final @Nullable String ownKeyId;

	public PeerSurvey(JwtKeyRing keyRing, JwtProperties properties, List<URI> peers, Duration timeout, Clock clock) {
		this.peers = new HttpPeers(peers, timeout, new PeerProof(keyRing, properties, clock),
				JsonMapper.builder().build());
		this.ownKeyId = keyRing.usable() ? keyRing.current().kid() : null;
	}

	public List<PeerView> survey() {
		return this.peers.observe().stream().map((observation) -> observation.compareWith(this.ownKeyId)).toList();
	}

	public static boolean isDrift(PeerView view) {
		return view.drift();
	}

	public static boolean isUnknown(PeerView view) {
		return view.unknown();
	}

}
