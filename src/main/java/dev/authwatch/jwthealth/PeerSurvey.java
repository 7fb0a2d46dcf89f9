package dev.authwatch.jwthealth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a list of peers for their key ids and compares them with a reference: this process's own
 * key id when it has one, else the first peer that answered. For the {@code monitor} command.
 */
public final class PeerSurvey {

	private final HttpPeers peers;

	public PeerSurvey(List<URI> peers, Duration timeout) {
		this.peers = new HttpPeers(peers, timeout, JsonMapper.builder().build());
	}

	public List<PeerView> survey(@Nullable String ownKeyId) {
		List<PeerView.Observation> observations = this.peers.observe();
		String reference = (ownKeyId != null) ? ownKeyId
				: observations.stream().map(PeerView.Observation::keyId).filter(Objects::nonNull).findFirst().orElse(null);
		return observations.stream().map((observation) -> observation.compareWith(reference)).toList();
	}

	public static boolean isDrift(PeerView view) {
		return view.drift();
	}

	public static boolean isUnknown(PeerView view) {
		return view.unknown();
	}

}
