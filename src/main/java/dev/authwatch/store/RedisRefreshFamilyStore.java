package dev.authwatch.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.crypto.Hashes;
import dev.authwatch.token.RefreshFamily;
import dev.authwatch.token.RefreshFamilyStore;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Families in Redis, shared by every instance. A family is a hash (owner, roles, current
 * token hash and expiry, revoked flag); every token hash it ever had points to it until
 * the family expires. Rotation is one Lua script, so Redis runs the compare-and-set of
 * the current token atomically across instances. (The family key is derived inside the
 * script: fine for a single Redis or Sentinel, not for Cluster.) A per-user revocation is
 * the instant before which the user's credentials are void, under the hash of the user
 * id; a credential's standing (its family and its user) is one script, one round trip, as
 * is the standing of many. The revocations made on or heard of by this instance are also
 * kept locally, for the handshake of a credential without a family.
 */
final class RedisRefreshFamilyStore implements RefreshFamilyStore {

	static final String PREFIX = "authwatch:refresh:";

	private static final String TOKEN = PREFIX + "token:";

	private static final String FAMILY = PREFIX + "family:";

	private static final String USER = PREFIX + "user:";

	static final String REVOKED_USER = "authwatch:revocation:user:";

	/**
	 * Keeps the later of two revocation instants (instances' clocks may disagree a
	 * little).
	 */
	private static final RedisScript<Long> REVOKE_USER = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current and tonumber(current) >= tonumber(ARGV[1]) then
				redis.call('PEXPIRE', KEYS[1], ARGV[2])
				return 0
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return 1
			""", Long.class);

	/**
	 * KEYS: each credential's user revocation; ARGV: now, then each credential's family
	 * key ('' for none). Answers active, revoked-before ('' for none) per credential.
	 */
	private static final RedisScript<List> STANDINGS = RedisScript.of("""
			local out = {}
			for i = 1, #KEYS do
				local active = '1'
				local family = ARGV[i + 1]
				if family ~= '' then
					local f = redis.call('HMGET', family, 'revoked', 'expires')
					if f[1] ~= '0' or not f[2] or tonumber(f[2]) <= tonumber(ARGV[1]) then active = '0' end
				end
				out[2 * i - 1] = active
				out[2 * i] = redis.call('GET', KEYS[i]) or ''
			end
			return out
			""", List.class);

	private static final RedisScript<Long> CREATE = RedisScript.of("""
			redis.call('HSET', KEYS[1], 'user', ARGV[2], 'roles', ARGV[3], 'expires', ARGV[4],
				'current', ARGV[5], 'currentExp', ARGV[6], 'revoked', '0')
			redis.call('PEXPIRE', KEYS[1], ARGV[7])
			redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[7])
			redis.call('SADD', KEYS[3], ARGV[1])
			redis.call('PEXPIRE', KEYS[3], ARGV[7])
			return 1
			""", Long.class);

	private static final RedisScript<List> ROTATE = RedisScript.of("""
			local fid = redis.call('GET', KEYS[1])
			if not fid then return {'unknown'} end
			local fkey = ARGV[1] .. fid
			local f = redis.call('HMGET', fkey, 'current', 'revoked', 'user', 'roles', 'expires', 'currentExp')
			if not f[1] then return {'unknown'} end
			local family = {fid, f[3], f[4], f[5]}
			if f[2] == '1' then return {'revoked', unpack(family)} end
			if f[1] ~= ARGV[2] then
				redis.call('HSET', fkey, 'revoked', '1')
				return {'reuse', unpack(family)}
			end
			if tonumber(f[6]) <= tonumber(ARGV[4]) then return {'unknown'} end
			local nextExp = math.min(tonumber(ARGV[5]), tonumber(f[5]))
			redis.call('HSET', fkey, 'current', ARGV[3], 'currentExp', tostring(nextExp))
			local ttl = redis.call('PTTL', fkey)
			if ttl > 0 then redis.call('SET', KEYS[2], fid, 'PX', ttl) end
			return {'rotated', unpack(family)}
			""", List.class);

	private final StringRedisTemplate redis;

	private final RedisCalls calls;

	private final LocalUserRevocations known;

	RedisRefreshFamilyStore(StringRedisTemplate redis, RedisCalls calls, LocalUserRevocations known) {
		this.redis = redis;
		this.calls = calls;
		this.known = known;
	}

	@Override
	public void create(RefreshFamily family, String tokenHash, Instant tokenExpiresAt) {
		long ttlMillis = Math.max(1, Duration.between(Instant.now(), family.expiresAt()).toMillis());
		this.calls.run("create refresh family", () -> this.redis.execute(CREATE,
				List.of(FAMILY + family.id(), TOKEN + tokenHash, USER + Hashes.sha256(family.userId())), family.id(),
				family.userId(), String.join(",", family.roles()), Long.toString(family.expiresAt().toEpochMilli()),
				tokenHash, Long.toString(tokenExpiresAt.toEpochMilli()), Long.toString(ttlMillis)));
	}

	@Override
	public Rotation rotate(String presentedHash, String nextHash, Instant nextExpiresAt, Instant now) {
		List<?> result = this.calls.call("rotate refresh token",
				() -> this.redis.execute(ROTATE, List.of(TOKEN + presentedHash, TOKEN + nextHash), FAMILY,
						presentedHash, nextHash, Long.toString(now.toEpochMilli()),
						Long.toString(nextExpiresAt.toEpochMilli())));
		if (result == null || result.size() < 5) {
			return new Unknown();
		}
		RefreshFamily family = family(result.subList(1, 5));
		return switch (String.valueOf(result.get(0))) {
			case "rotated" -> new Rotated(family);
			case "reuse" -> new Reused(family);
			case "revoked" -> new Revoked(family);
			default -> new Unknown();
		};
	}

	private static RefreshFamily family(List<?> fields) {
		String roles = String.valueOf(fields.get(2));
		Set<String> roleSet = roles.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(roles.split(",")));
		return new RefreshFamily(String.valueOf(fields.get(0)), String.valueOf(fields.get(1)), roleSet,
				Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get(3)))));
	}

	@Override
	public @Nullable RefreshFamily revokeByToken(String tokenHash) {
		String familyId = this.calls.call("find refresh family", () -> this.redis.opsForValue().get(TOKEN + tokenHash));
		if (familyId == null) {
			return null;
		}
		List<Object> fields = this.calls.call("read refresh family",
				() -> this.redis.opsForHash().multiGet(FAMILY + familyId, List.of("user", "roles", "expires")));
		if (fields.get(0) == null) {
			return null;
		}
		revoke(familyId);
		return family(List.of(familyId, fields.get(0), fields.get(1), fields.get(2)));
	}

	@Override
	public void revoke(String familyId) {
		this.calls.run("revoke refresh family", () -> {
			if (Boolean.TRUE.equals(this.redis.hasKey(FAMILY + familyId))) {
				this.redis.opsForHash().put(FAMILY + familyId, "revoked", "1");
			}
		});
	}

	@Override
	public void changeRoles(String familyId, Set<String> roles) {
		this.calls.run("change refresh family roles", () -> {
			if (Boolean.TRUE.equals(this.redis.hasKey(FAMILY + familyId))) {
				this.redis.opsForHash().put(FAMILY + familyId, "roles", String.join(",", roles));
			}
		});
	}

	@Override
	public List<String> revokeAllOf(String userId) {
		Set<String> families = this.calls.call("list refresh families",
				() -> this.redis.opsForSet().members(USER + Hashes.sha256(userId)));
		if (families == null) {
			return List.of();
		}
		families.forEach(this::revoke);
		return List.copyOf(families);
	}

	@Override
	public void revokeUser(String userId, Instant before, Duration retention) {
		this.known.remember(userId, before, retention);
		this.calls.run("revoke user",
				() -> this.redis.execute(REVOKE_USER, List.of(REVOKED_USER + Hashes.sha256(userId)),
						Long.toString(before.toEpochMilli()), Long.toString(retention.toMillis())));
	}

	@Override
	public Standing standing(@Nullable String familyId, String userId, Instant now) {
		return standings(List.of(new Credential(familyId, userId)), now).get(0);
	}

	@Override
	public List<Standing> standings(List<Credential> credentials, Instant now) {
		List<String> keys = new ArrayList<>(credentials.size());
		Object[] arguments = new Object[credentials.size() + 1];
		arguments[0] = Long.toString(now.toEpochMilli());
		for (int i = 0; i < credentials.size(); i++) {
			Credential credential = credentials.get(i);
			keys.add(REVOKED_USER + Hashes.sha256(credential.userId()));
			arguments[i + 1] = (credential.familyId() != null) ? FAMILY + credential.familyId() : "";
		}
		List<?> result = this.calls.call("read credential standing",
				() -> this.redis.execute(STANDINGS, keys, arguments));
		if (result == null || result.size() != 2 * credentials.size()) {
			throw new StoreUnavailableException("Redis answered the standing of " + credentials.size()
					+ " credential(s) with " + ((result != null) ? result.size() + " value(s)" : "nothing"), null);
		}
		List<Standing> standings = new ArrayList<>(credentials.size());
		for (int i = 0; i < credentials.size(); i++) {
			String before = String.valueOf(result.get(2 * i + 1));
			standings.add(new Standing("1".equals(String.valueOf(result.get(2 * i))),
					before.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(before))));
		}
		return standings;
	}

	@Override
	public @Nullable Instant knownUserRevocation(String userId) {
		return this.known.before(userId);
	}

}
