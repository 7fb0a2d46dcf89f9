package dev.authwatch.auth.jwt;

import java.time.Clock;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;

/**
 * Validates AuthWatch access tokens (compact JWS, HS256) the way RFC 8725 asks: size
 * bounded before parsing, compact JWS only, strict base64url and JSON, the header rules
 * and signature of {@link Hs256JwsVerifier}, then the claim rules of {@link ClaimRules}.
 * The claims are not read before the signature holds. Tokens verified before are answered
 * by {@link VerifiedTokens}.
 */
public final class AccessTokenValidator {

	static final String ROLES_CLAIM = "roles";

	/** The refresh-token family of a token issued by login or refresh; optional. */
	static final String FAMILY_CLAIM = "fid";

	/**
	 * About 3 MB at most; more than the connections one instance holds reconnect within
	 * five minutes.
	 */
	static final int VERIFIED_TOKENS = 20_000;

	private final JwtKeyRing keyRing;

	private final Hs256JwsVerifier jws;

	private final ClaimRules claimRules;

	private final Clock clock;

	private final int maxTokenLength;

	private final VerifiedTokens verified;

	public AccessTokenValidator(JwtKeyRing keyRing, JwtProperties properties, Clock clock) {
		this(keyRing, properties, clock, VERIFIED_TOKENS);
	}

	/**
	 * @param verifiedTokens how many verified tokens to remember (0: none), see
	 * {@link VerifiedTokens}
	 */
	AccessTokenValidator(JwtKeyRing keyRing, JwtProperties properties, Clock clock, int verifiedTokens) {
		this.keyRing = keyRing;
		this.jws = new Hs256JwsVerifier(keyRing);
		this.claimRules = new ClaimRules(properties);
		this.clock = clock;
		this.maxTokenLength = properties.maxTokenLength();
		this.verified = new VerifiedTokens(verifiedTokens, clock);
	}

	/**
	 * @return {@link AuthDecision.Authenticated} or {@link AuthDecision.Rejected}, never
	 * "not mine"
	 */
	public AuthDecision validate(String token) {
		if (!this.keyRing.usable()) {
			// Never a silent fallback: without a usable secret no token can be trusted
			// (see /health/jwt).
			return AuthDecision.rejected(FailureReason.INTERNAL, "JWT signing is not configured.");
		}
		if (token.length() > this.maxTokenLength) {
			return AuthDecision.rejected(FailureReason.MALFORMED,
					"The token is longer than " + this.maxTokenLength + " characters.");
		}
		CompactJws compact = CompactJws.split(token);
		if (compact == null) {
			return AuthDecision.rejected(FailureReason.MALFORMED,
					"The token is not a compact JWS (header.payload.signature).");
		}
		try {
			return AuthDecision.authenticated(this.verified.principal(compact.ascii(), () -> verify(compact)));
		}
		catch (TokenRejectedException ex) {
			return new AuthDecision.Rejected(ex.reason(), ex.getMessage(),
					ex.claimedSubjectWanted() ? UnverifiedSubject.of(token) : null);
		}
	}

	private AuthenticatedPrincipal verify(CompactJws compact) {
		byte[] payload = this.jws.verify(compact);
		return this.claimRules.principal(AccessTokenClaims.read(payload), this.clock.instant());
	}

}
