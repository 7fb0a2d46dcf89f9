package dev.authwatch.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.authwatch.auth.AuthRejectedException;
import dev.authwatch.auth.FailureReason;
import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.crypto.OpaqueTokens;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LifecycleEvent;
import dev.authwatch.metrics.LifecycleMetrics;
import dev.authwatch.metrics.Operation;
import dev.authwatch.user.UserAccount;
import dev.authwatch.user.UserStore;
import dev.authwatch.websocket.ConnectionRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refresh-token families: a login starts one, each refresh rotates its token, presenting
 * a used token revokes it (reuse detection, RFC 9700 §4.14.2), logout revokes it.
 * Revoking a family closes its live connections with 4003.
 * <p>
 * A refresh asks the user store for the user's current state: families are started by
 * password logins only, so a family whose user the store no longer knows belongs to a
 * removed user (the family and every credential of the user are revoked,
 * {@code revoked}), and a family whose roles the user no longer has all of belongs to a
 * demoted user (every credential of the user issued so far is revoked, the family carries
 * the current roles from then on). Guests and OAuth logins have no family, so no refresh.
 */
public final class RefreshTokens {

	/** The audit trail of revocations; never carries a token or a user id. */
	private static final Logger audit = LoggerFactory.getLogger("dev.authwatch.audit");

	private final RefreshFamilyStore store;

	private final Revocations revocations;

	private final UserStore users;

	private final AccessTokenIssuer issuer;

	private final RefreshProperties properties;

	private final ConnectionRegistry connections;

	private final AuthMetrics metrics;

	private final LifecycleMetrics lifecycle;

	private final Clock clock;

	RefreshTokens(RefreshFamilyStore store, Revocations revocations, UserStore users, AccessTokenIssuer issuer,
			RefreshProperties properties, ConnectionRegistry connections, AuthMetrics metrics,
			LifecycleMetrics lifecycle, Clock clock) {
		this.store = store;
		this.revocations = revocations;
		this.users = users;
		this.issuer = issuer;
		this.properties = properties;
		this.connections = connections;
		this.metrics = metrics;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	/** A refresh token as handed to the client: shown once, stored only hashed. */
	public record Issued(String token, Instant expiresAt, String familyId) {

		@Override
		public String toString() {
			return "Issued[familyId=" + this.familyId + ", expiresAt=" + this.expiresAt + "]";
		}

	}

	public record Pair(AccessTokenIssuer.IssuedToken access, Issued refresh) {
	}

	/**
	 * Starts a family for a fresh login and issues its first access and refresh tokens.
	 */
	public Pair login(String userId, Collection<String> roles) {
		Instant now = this.clock.instant();
		RefreshFamily family = new RefreshFamily(UUID.randomUUID().toString(), userId, new HashSet<>(roles),
				now.plus(this.properties.familyLifetime()));
		String token = OpaqueTokens.generate();
		Instant expiresAt = min(now.plus(this.properties.ttl()), family.expiresAt());
		storeCall(() -> {
			this.store.create(family, OpaqueTokens.hash(token), expiresAt);
			return null;
		});
		return new Pair(access(family), new Issued(token, expiresAt, family.id()));
	}

	/**
	 * Rotates the refresh token; the answer of a rejection is thrown as
	 * {@link AuthRejectedException}.
	 */
	public Pair refresh(@Nullable String token) {
		long start = System.nanoTime();
		try {
			Pair pair = rotate(token);
			this.lifecycle.record(LifecycleEvent.REFRESH_SUCCESS);
			return pair;
		}
		catch (AuthRejectedException ex) {
			this.lifecycle.record((ex.reason() == FailureReason.TOKEN_REUSE) ? LifecycleEvent.REFRESH_REUSE
					: LifecycleEvent.REFRESH_FAILURE);
			throw ex;
		}
		finally {
			long elapsed = System.nanoTime() - start;
			this.lifecycle.refreshLatency(elapsed);
			this.metrics.latency(Operation.REFRESH, elapsed);
		}
	}

	private Pair rotate(@Nullable String token) {
		if (token == null || !OpaqueTokens.isWellFormed(token)) {
			throw new AuthRejectedException(FailureReason.MALFORMED,
					"Send the refresh token you were given as refresh_token.");
		}
		Instant now = this.clock.instant();
		String next = OpaqueTokens.generate();
		Instant nextExpiresAt = now.plus(this.properties.ttl());
		RefreshFamilyStore.Rotation rotation = storeCall(
				() -> this.store.rotate(OpaqueTokens.hash(token), OpaqueTokens.hash(next), nextExpiresAt, now));
		if (rotation instanceof RefreshFamilyStore.Rotated rotated) {
			RefreshFamily family = current(rotated.family());
			return new Pair(access(family), new Issued(next, min(nextExpiresAt, family.expiresAt()), family.id()));
		}
		if (rotation instanceof RefreshFamilyStore.Reused reused) {
			int closed = closeConnections(reused.family().id());
			audit.warn("Refresh token reuse: family {} revoked, {} connection(s) closed", reused.family().id(), closed);
			throw new AuthRejectedException(FailureReason.TOKEN_REUSE);
		}
		if (rotation instanceof RefreshFamilyStore.Revoked) {
			throw new AuthRejectedException(FailureReason.REVOKED, "The refresh token's login has been revoked.");
		}
		throw new AuthRejectedException(FailureReason.REVOKED,
				"The refresh token is unknown or has expired; log in again.");
	}

	/**
	 * The family as the user store sees its user now: removed users are refused, demoted
	 * ones revoked first.
	 */
	private RefreshFamily current(RefreshFamily family) {
		Optional<UserAccount> account = this.users.find(family.userId());
		if (account.isEmpty()) {
			revokeAllOf(family.userId());
			audit.warn("Refresh of family {} refused: its user no longer exists", family.id());
			throw new AuthRejectedException(FailureReason.REVOKED, "The account no longer exists.");
		}
		Set<String> roles = account.get().roles();
		if (roles.equals(family.roles())) {
			return family;
		}
		storeCall(() -> {
			this.store.changeRoles(family.id(), roles);
			return null;
		});
		if (!roles.containsAll(family.roles())) {
			int closed = revokeUser(family.userId());
			audit.warn("Roles of family {} reduced: the user's earlier credentials revoked, {} connection(s) closed",
					family.id(), closed);
		}
		return new RefreshFamily(family.id(), family.userId(), roles, family.expiresAt());
	}

	/** Logout: revokes the family of the token, whichever of its tokens it is. */
	public boolean logout(String token) {
		if (!OpaqueTokens.isWellFormed(token)) {
			return false;
		}
		RefreshFamily family = storeCall(() -> this.store.revokeByToken(OpaqueTokens.hash(token)));
		if (family == null) {
			return false;
		}
		closeConnections(family.id());
		return true;
	}

	/** Revokes one family (a session logout) and closes its connections. */
	public void revoke(String familyId) {
		storeCall(() -> {
			this.store.revoke(familyId);
			return null;
		});
		closeConnections(familyId);
	}

	/**
	 * Revokes every family of the user (password reset, an admin's disconnect) and closes
	 * the user's connections with 4003.
	 * @return how many connections were closed
	 */
	public int revokeAllOf(String userId) {
		storeCall(() -> this.store.revokeAllOf(userId));
		return revokeUser(userId);
	}

	private int revokeUser(String userId) {
		return storeCall(() -> this.revocations.revokeUser(userId));
	}

	private int closeConnections(String familyId) {
		return this.connections.revokeFamily(familyId);
	}

	private AccessTokenIssuer.IssuedToken access(RefreshFamily family) {
		return this.issuer.issue(family.userId(), family.roles(), accessTtl(), family.id());
	}

	private java.time.Duration accessTtl() {
		return this.issuer.defaultTtl();
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static <T> T storeCall(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (StoreUnavailableException ex) {
			throw new AuthRejectedException(FailureReason.PROVIDER_UNAVAILABLE,
					"The token store is unavailable; try again later.");
		}
	}

}
