package dev.authwatch.jwthealth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import org.jspecify.annotations.Nullable;

/**
 * How instances compare key ids over HTTP without publishing them: an instance asks a
 * peer's {@code /health/jwt} with a short-lived token signed by its own current key, for
 * an audience of its own ({@code <audience>/jwt-peer}), so that the token is refused
 * everywhere else (handshake, admin API, tickets). A peer that accepts it (the key is its
 * current or previous one) answers with its key id, which the caller holding that key
 * could learn from any token the peer issues anyway; a peer that refuses it with
 * {@code unknown_key} or {@code invalid_signature} does not know the caller's key: drift.
 */
public final class PeerProof {

	/**
	 * The request header carrying the proof; not {@code Authorization}, which the health
	 * chain reads as a login.
	 */
	static final String HEADER = "AuthWatch-Peer-Proof";

	static final String SUBJECT = "authwatch-jwt-peer";

	static final Duration TTL = Duration.ofMinutes(1);

	private final JwtKeyRing keyRing;

	private final AccessTokenIssuer issuer;

	private final AccessTokenValidator validator;

	public PeerProof(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		JwtProperties peers = properties.withAudience(properties.audience() + "/jwt-peer");
		this.keyRing = keyRing;
		this.issuer = new AccessTokenIssuer(keyRing, peers, clock);
		this.validator = new AccessTokenValidator(keyRing, peers, clock);
	}

	/**
	 * A proof for this instance's next requests to its peers; {@code null} without a key
	 * to sign it.
	 */
	@Nullable String mint() {
		return this.keyRing.usable() ? this.issuer.issue(SUBJECT, List.of(), TTL).value() : null;
	}

	/**
	 * @return {@code null} when {@code proof} is a valid peer proof, else why not
	 */
	@Nullable FailureReason check(String proof) {
		return (this.validator.validate(proof) instanceof AuthDecision.Rejected rejected) ? rejected.reason() : null;
	}

	/**
	 * Whether a peer refusing this instance's proof for {@code reason} means it does not
	 * hold this instance's key.
	 */
	static boolean meansAnotherKey(String reason) {
		return FailureReason.UNKNOWN_KEY.code().equals(reason) || FailureReason.INVALID_SIGNATURE.code().equals(reason);
	}

}
