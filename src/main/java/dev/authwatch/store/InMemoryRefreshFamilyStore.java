package dev.authwatch.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.authwatch.token.RefreshFamily;
import dev.authwatch.token.RefreshFamilyStore;
import org.jspecify.annotations.Nullable;

/**
 * Families in this JVM, in bounded Caffeine caches that drop a family (and the hashes of
 * all its tokens) when it expires. Each family's state changes under its own lock:
 * compare-and-set of the current token.
 */
final class InMemoryRefreshFamilyStore implements RefreshFamilyStore {

	private static final class State {

		private volatile RefreshFamily family;

		private String currentHash;

		private Instant currentExpiresAt;

		private boolean revoked;

		State(RefreshFamily family, String currentHash, Instant currentExpiresAt) {
			this.family = family;
			this.currentHash = currentHash;
			this.currentExpiresAt = currentExpiresAt;
		}

	}

	private record TokenEntry(String familyId, Instant familyExpiresAt) {
	}

	private final Cache<String, State> families;

	/**
	 * Every token hash ever issued in a live family, current or used: reuse is detected
	 * by lookup.
	 */
	private final Cache<String, TokenEntry> tokens;

	private final LocalUserRevocations userRevocations;

	InMemoryRefreshFamilyStore(long maximumFamilies, java.time.Clock clock, LocalUserRevocations userRevocations) {
		this.families = Caffeine.newBuilder()
			.maximumSize(maximumFamilies)
			.expireAfter(Expiry.<String, State>creating((id, state) -> until(clock, state.family.expiresAt())))
			.build();
		this.tokens = Caffeine.newBuilder()
			.maximumSize(maximumFamilies * 8)
			.expireAfter(Expiry.<String, TokenEntry>creating((hash, entry) -> until(clock, entry.familyExpiresAt())))
			.build();
		this.userRevocations = userRevocations;
	}

	private static Duration until(java.time.Clock clock, Instant instant) {
		Duration left = Duration.between(clock.instant(), instant);
		return left.isNegative() ? Duration.ZERO : left;
	}

	@Override
	public void create(RefreshFamily family, String tokenHash, Instant tokenExpiresAt) {
		this.families.put(family.id(), new State(family, tokenHash, tokenExpiresAt));
		this.tokens.put(tokenHash, new TokenEntry(family.id(), family.expiresAt()));
	}

	@Override
	public Rotation rotate(String presentedHash, String nextHash, Instant nextExpiresAt, Instant now) {
		State state = stateOf(presentedHash);
		if (state == null) {
			return new Unknown();
		}
		synchronized (state) {
			if (state.revoked) {
				return new Revoked(state.family);
			}
			if (!state.currentHash.equals(presentedHash)) {
				state.revoked = true;
				return new Reused(state.family);
			}
			if (!state.currentExpiresAt.isAfter(now)) {
				return new Unknown();
			}
			state.currentHash = nextHash;
			state.currentExpiresAt = nextExpiresAt.isAfter(state.family.expiresAt()) ? state.family.expiresAt()
					: nextExpiresAt;
			this.tokens.put(nextHash, new TokenEntry(state.family.id(), state.family.expiresAt()));
			return new Rotated(state.family);
		}
	}

	@Override
	public @Nullable RefreshFamily revokeByToken(String tokenHash) {
		State state = stateOf(tokenHash);
		if (state == null) {
			return null;
		}
		synchronized (state) {
			state.revoked = true;
		}
		return state.family;
	}

	@Override
	public void revoke(String familyId) {
		State state = this.families.getIfPresent(familyId);
		if (state != null) {
			synchronized (state) {
				state.revoked = true;
			}
		}
	}

	@Override
	public void changeRoles(String familyId, Set<String> roles) {
		State state = this.families.getIfPresent(familyId);
		if (state != null) {
			synchronized (state) {
				state.family = new RefreshFamily(state.family.id(), state.family.userId(), roles,
						state.family.expiresAt());
			}
		}
	}

	private boolean isActive(String familyId, Instant now) {
		State state = this.families.getIfPresent(familyId);
		if (state == null) {
			return false;
		}
		synchronized (state) {
			return !state.revoked && state.family.expiresAt().isAfter(now);
		}
	}

	@Override
	public List<String> revokeAllOf(String userId) {
		List<String> revoked = new ArrayList<>();
		for (State state : this.families.asMap().values()) {
			if (state.family.userId().equals(userId)) {
				synchronized (state) {
					state.revoked = true;
				}
				revoked.add(state.family.id());
			}
		}
		return revoked;
	}

	@Override
	public void revokeUser(String userId, Instant before, Duration retention) {
		this.userRevocations.remember(userId, before, retention);
	}

	@Override
	public Standing standing(@Nullable String familyId, String userId, Instant now) {
		return new Standing(familyId == null || isActive(familyId, now), knownUserRevocation(userId));
	}

	@Override
	public @Nullable Instant knownUserRevocation(String userId) {
		return this.userRevocations.before(userId);
	}

	private @Nullable State stateOf(String tokenHash) {
		TokenEntry entry = this.tokens.getIfPresent(tokenHash);
		return (entry != null) ? this.families.getIfPresent(entry.familyId()) : null;
	}

}
