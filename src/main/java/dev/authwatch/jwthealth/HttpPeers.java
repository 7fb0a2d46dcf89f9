package dev.authwatch.jwthealth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks configured peers ({@code authwatch.jwt.peers}) for their {@code /health/jwt} with
 * a {@link PeerProof}, all at once and with a short timeout. A peer that accepts the
 * proof answers its key id; one that refuses it as signed by a key it does not know is
 * drift; one that does not answer, or answers something else, is unknown, never drift.
 */
final class HttpPeers {

	static final String VIA = "http";

	private static final String PATH = "/health/jwt";

	private final List<URI> peers;

	private final Duration timeout;

	private final HttpClient http;

	private final PeerProof proof;

	private final JsonMapper json;

	HttpPeers(List<URI> peers, Duration timeout, PeerProof proof, JsonMapper json) {
		this.peers = List.copyOf(peers);
		this.timeout = timeout;
		this.proof = proof;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	boolean configured() {
		return !this.peers.isEmpty();
	}

	List<PeerView.Observation> observe() {
		String proof = this.proof.mint();
		if (proof == null) {
			return this.peers.stream()
				.map((peer) -> PeerView.Observation.unknown(peer.toString(), VIA,
						"this instance has no key to prove itself with"))
				.toList();
		}
		List<CompletableFuture<PeerView.Observation>> calls = this.peers.stream()
			.map((peer) -> ask(peer, proof))
			.toList();
		return calls.stream().map(CompletableFuture::join).toList();
	}

	private CompletableFuture<PeerView.Observation> ask(URI peer, String proof) {
		String name = peer.toString();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(healthUri(peer))
				.timeout(this.timeout)
				.header("Accept", "application/json")
				.header(PeerProof.HEADER, proof)
				.GET()
				.build();
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.completedFuture(PeerView.Observation.unknown(name, VIA, "its URL is not usable"));
		}
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> read(name, response))
			.exceptionally((ex) -> PeerView.Observation.unknown(name, VIA, "it did not answer within "
					+ this.timeout.toMillis() + " ms (" + rootCause(ex).getClass().getSimpleName() + ")"));
	}

	private PeerView.Observation read(String name, HttpResponse<String> response) {
		try {
			JsonNode details = this.json.readTree(response.body()).get("details");
			JsonNode refused = (details != null) ? details.get(JwtHealthReport.PEER_PROOF) : null;
			if (refused != null) {
				return PeerProof.meansAnotherKey(refused.asString())
						? PeerView.Observation.refused(name, VIA,
								"it does not accept this instance's key (" + refused.asString() + ")")
						: PeerView.Observation.unknown(name, VIA,
								"it refused this instance's proof (" + refused.asString() + ")");
			}
			if (details == null || !details.has(JwtHealthReport.KEY_ID)) {
				return PeerView.Observation.unknown(name, VIA,
						"it answered HTTP " + response.statusCode() + " without a JWT health body");
			}
			JsonNode keyId = details.get(JwtHealthReport.KEY_ID);
			return PeerView.Observation.answered(name, VIA, keyId.isNull() ? null : keyId.asString());
		}
		catch (JacksonException ex) {
			return PeerView.Observation.unknown(name, VIA,
					"it answered HTTP " + response.statusCode() + " without a JWT health body");
		}
	}

	static URI healthUri(URI peer) {
		String base = peer.toString();
		if (base.endsWith(PATH)) {
			return peer;
		}
		return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + PATH : base + PATH);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
