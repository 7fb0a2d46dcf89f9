package dev.authwatch.token;

import java.time.Instant;
import java.util.Set;

/**
 * The chain of refresh tokens that descends from one login. Only its newest token can be
 * rotated; presenting an older one is reuse and revokes the whole family.
 *
 * @param id random family id, carried as {@code fid} in the family's access tokens
 * @param userId whom the family belongs to; never logged
 * @param roles the roles granted at login
 * @param expiresAt the family's absolute end: no rotation extends it
 */
public record RefreshFamily(String id, String userId, Set<String> roles, Instant expiresAt) {

	public RefreshFamily {
		roles = Set.copyOf(roles);
	}

	@Override
	public String toString() {
		return "RefreshFamily[id=" + this.id + "]";
	}

}
