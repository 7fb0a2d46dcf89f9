package dev.authwatch.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.RevocationCheck;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.token.RefreshFamilyStore.Credential;
import dev.authwatch.token.RefreshFamilyStore.Standing;
import dev.authwatch.websocket.ConnectionRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Revocation by login and by user. A credential is revoked when its family is (logout,
 * reuse, password reset, an admin's disconnect) or when it was issued before its user's
 * revocation instant. Revoking a user voids every credential of the user, with or without
 * a family, and closes the user's connections everywhere with 4003.
 * <p>
 * An access token's {@code iat} has whole seconds, so a token issued in the same second
 * as a revocation cannot be told from one issued just before it. The revocation instant
 * is therefore the next whole second, and a credential issued before it is void: the one
 * second after a revocation voids too much, never too little. The revoking call returns
 * only once that second has begun, so whatever is issued after it answered (a new login,
 * the refresh that revoked a demoted user) is valid.
 */
public final class Revocations implements RevocationCheck {

	private static final AuthDecision.Rejected LOGIN_REVOKED = new AuthDecision.Rejected(FailureReason.REVOKED,
			"The credential's login has been revoked.");

	private static final AuthDecision.Rejected USER_REVOKED = new AuthDecision.Rejected(FailureReason.REVOKED,
			"The credential was issued before its user's credentials were revoked.");

	private static final AuthDecision.Rejected STORE_UNAVAILABLE = new AuthDecision.Rejected(
			FailureReason.PROVIDER_UNAVAILABLE, "The token store is unavailable; try again later.");

	private final RefreshFamilyStore store;

	private final ConnectionRegistry connections;

	private final Duration retention;

	private final Clock clock;

	/**
	 * @param retention how long a user revocation is kept: longer than any credential it
	 * voids lives
	 */
	Revocations(RefreshFamilyStore store, ConnectionRegistry connections, Duration retention, Clock clock) {
		this.store = store;
		this.connections = connections;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * A login's credential fails closed when the store cannot answer (503), as it always
	 * has at the handshake.
	 */
	@Override
	public AuthDecision.@Nullable Rejected atHandshake(AuthenticatedPrincipal principal) {
		if (principal.credentialId() == null) {
			return known(principal);
		}
		try {
			return standing(principal);
		}
		catch (StoreUnavailableException ex) {
			return STORE_UNAVAILABLE;
		}
	}

	/**
	 * When the store cannot answer, what this instance knows decides: the admin API stays
	 * usable in a store outage, and no revocation can be recorded during one either.
	 */
	@Override
	public AuthDecision.@Nullable Rejected current(AuthenticatedPrincipal principal) {
		return current(List.of(principal)).get(0);
	}

	@Override
	public List<AuthDecision.@Nullable Rejected> current(List<AuthenticatedPrincipal> principals) {
		List<AuthDecision.@Nullable Rejected> answers = new ArrayList<>(principals.size());
		try {
			List<Standing> standings = this.store.standings(
					principals.stream().map((p) -> new Credential(p.credentialId(), p.userId())).toList(),
					this.clock.instant());
			for (int i = 0; i < principals.size(); i++) {
				answers.add(judge(principals.get(i), standings.get(i)));
			}
		}
		catch (StoreUnavailableException ex) {
			answers.clear();
			principals.forEach((principal) -> answers.add(known(principal)));
		}
		return answers;
	}

	private AuthDecision.@Nullable Rejected standing(AuthenticatedPrincipal principal) {
		return judge(principal,
				this.store.standing(principal.credentialId(), principal.userId(), this.clock.instant()));
	}

	private static AuthDecision.@Nullable Rejected judge(AuthenticatedPrincipal principal, Standing standing) {
		if (!standing.familyActive()) {
			return LOGIN_REVOKED;
		}
		return voided(principal, standing.userRevokedBefore()) ? USER_REVOKED : null;
	}

	private AuthDecision.@Nullable Rejected known(AuthenticatedPrincipal principal) {
		return voided(principal, this.store.knownUserRevocation(principal.userId())) ? USER_REVOKED : null;
	}

	private static boolean voided(AuthenticatedPrincipal principal, @Nullable Instant revokedBefore) {
		if (revokedBefore == null) {
			return false;
		}
		Instant issuedAt = principal.issuedAt();
		return issuedAt == null || issuedAt.isBefore(revokedBefore);
	}

	/**
	 * Voids every credential of the user issued until now and closes the user's
	 * connections; returns once credentials issued from now on are valid (at most a
	 * second later).
	 * @return how many connections this instance closed
	 * @throws StoreUnavailableException when the store did not record the revocation
	 */
	int revokeUser(String userId) {
		Instant before = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		this.store.revokeUser(userId, before, this.retention);
		int closed = this.connections.revokeUser(userId, before);
		awaitSecond(before);
		return closed;
	}

	private void awaitSecond(Instant second) {
		long millis = Duration.between(this.clock.instant(), second).toMillis() + 1;
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(Math.min(millis, 1001));
		}
		catch (InterruptedException ex) {
			// Credentials issued in this second stay void: safe, only less convenient.
			Thread.currentThread().interrupt();
		}
	}

}
