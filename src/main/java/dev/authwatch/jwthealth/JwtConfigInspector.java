package dev.authwatch.jwthealth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One complete check of the JWT configuration: the probe-token self-test, the exchange of
 * fingerprints through Redis (when used) and the configured peers, then the evaluation.
 * Used by the scheduled monitor and by the {@code validate} command, so both give the
 * same verdict.
 */
public final class JwtConfigInspector {

	private final JwtKeyRing keyRing;

	private final ProbeTokenSelfTest selfTest;

	private final @Nullable RedisFingerprintBoard board;

	private final HttpPeers peers;

	private final Clock clock;

	JwtConfigInspector(JwtKeyRing keyRing, ProbeTokenSelfTest selfTest, @Nullable RedisFingerprintBoard board,
			HttpPeers peers, Clock clock) {
		this.keyRing = keyRing;
		this.selfTest = selfTest;
		this.board = board;
		this.peers = peers;
		this.clock = clock;
	}

	/** For the command line: the configured peers over HTTP, no Redis, no scheduling. */
	public static JwtConfigInspector forCommandLine(JwtKeyRing keyRing, JwtProperties properties,
			AccessTokenIssuer issuer, AccessTokenValidator validator, List<URI> peers, Duration peerTimeout,
			Clock clock) {
		return new JwtConfigInspector(keyRing, new ProbeTokenSelfTest(keyRing, issuer, validator), null, new HttpPeers(
				peers, peerTimeout, new PeerProof(keyRing, properties, clock), JsonMapper.builder().build()), clock);
	}

	/**
	 * One check, as {@code GET /health/jwt} would report it (without rotation history).
	 */
	public JwtHealthReport inspectOnce() {
		return inspect(null).report();
	}

	public record Inspection(JwtHealthReport report, List<PeerView> peers) {
	}

	Inspection inspect(@Nullable Instant lastRotation) {
		SelfTestResult selfTest = this.selfTest.run();
		List<PeerView.Observation> observations = new ArrayList<>();
		Instant now = this.clock.instant();
		if (this.board != null) {
			observations.addAll(this.board.exchange(this.keyRing.keyIds(), now));
		}
		if (this.peers.configured()) {
			observations.addAll(this.peers.observe());
		}
		String own = this.keyRing.usable() ? this.keyRing.current().kid() : null;
		List<PeerView> views = observations.stream().map((observation) -> observation.compareWith(own)).toList();
		return new Inspection(JwtConfigEvaluator.evaluate(this.keyRing, selfTest, views, lastRotation, now), views);
	}

	void withdraw() {
		if (this.board != null) {
			this.board.withdraw();
		}
	}

}
