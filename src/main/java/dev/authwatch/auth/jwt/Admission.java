package dev.authwatch.auth.jwt;

import java.util.List;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.HandshakeGate;
import dev.authwatch.auth.RevocationCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;

/**
 * The one way an AuthWatch credential is admitted, wherever it is presented: the
 * handshake chain (every method, as a {@link HandshakeGate} after the authenticator), an
 * open connection once it is registered, the admin API, in-band reauthentication, ticket
 * minting and a guest's upgrade. An access token must pass {@link AccessTokenValidator}
 * (signature and claims); every credential must not be revoked, by its login or by its
 * user ({@link RevocationCheck}).
 */
public final class Admission implements HandshakeGate {

	private final AccessTokenValidator tokens;

	private final RevocationCheck revocations;

	public Admission(AccessTokenValidator tokens, RevocationCheck revocations) {
		this.tokens = tokens;
		this.revocations = revocations;
	}

	/**
	 * An access token presented outside the handshake: {@link AuthDecision.Authenticated}
	 * or {@link AuthDecision.Rejected}.
	 */
	public AuthDecision token(String token) {
		AuthDecision decision = this.tokens.validate(token);
		if (decision instanceof AuthDecision.Authenticated authenticated) {
			AuthDecision.Rejected revoked = this.revocations.current(authenticated.principal());
			return (revoked != null) ? revoked : decision;
		}
		return decision;
	}

	/**
	 * An open connection's principal, checked against the store after the connection was
	 * registered: a revocation either sees the registered connection or is seen here.
	 * Several connections are checked in one store round trip.
	 * @return an answer per principal, in order, {@code null} for one that still stands
	 */
	public List<AuthDecision.@Nullable Rejected> recheck(List<AuthenticatedPrincipal> principals) {
		return this.revocations.current(principals);
	}

	@Override
	public AuthDecision.@Nullable Rejected beforeAuthentication(ServerHttpRequest request) {
		return null;
	}

	@Override
	public AuthDecision.@Nullable Rejected afterAuthentication(AuthenticatedPrincipal principal) {
		return this.revocations.atHandshake(principal);
	}

}
