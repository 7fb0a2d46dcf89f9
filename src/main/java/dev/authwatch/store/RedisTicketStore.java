package dev.authwatch.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import dev.authwatch.auth.StoreUnavailableException;
import dev.authwatch.auth.ticket.TicketGrant;
import dev.authwatch.auth.ticket.TicketStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Tickets in Redis, shared by every instance: {@code SET … EX} to mint and one
 * {@code GETDEL} to redeem, so of any number of concurrent redemptions on any instances
 * exactly one wins.
 */
final class RedisTicketStore implements TicketStore {

	static final String KEY_PREFIX = "authwatch:ticket:";

	/**
	 * {@code credentialIssuedAtEpochMilli} is {@code null} when the issue time is
	 * unknown.
	 */
	private record StoredGrant(String userId, Set<String> roles, long credentialExpiresAtEpochMilli,
			@Nullable String credentialId, @Nullable Long credentialIssuedAtEpochMilli) {
	}

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	RedisTicketStore(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	@Override
	public void save(String ticketHash, TicketGrant grant, Duration ttl) {
		String value = this.json.writeValueAsString(new StoredGrant(grant.userId(), grant.roles(),
				grant.credentialExpiresAt().toEpochMilli(), grant.credentialId(),
				(grant.credentialIssuedAt() != null) ? grant.credentialIssuedAt().toEpochMilli() : null));
		try {
			this.redis.opsForValue().set(KEY_PREFIX + ticketHash, value, ttl);
		}
		catch (DataAccessException ex) {
			throw new StoreUnavailableException("Redis did not store the ticket", ex);
		}
	}

	@Override
	public Optional<TicketGrant> take(String ticketHash) {
		String value;
		try {
			value = this.redis.opsForValue().getAndDelete(KEY_PREFIX + ticketHash);
		}
		catch (DataAccessException ex) {
			throw new StoreUnavailableException("Redis did not answer the ticket redemption", ex);
		}
		if (value == null) {
			return Optional.empty();
		}
		try {
			StoredGrant stored = this.json.readValue(value, StoredGrant.class);
			return Optional.of(new TicketGrant(stored.userId(), stored.roles(),
					Instant.ofEpochMilli(stored.credentialExpiresAtEpochMilli()), stored.credentialId(),
					(stored.credentialIssuedAtEpochMilli() != null)
							? Instant.ofEpochMilli(stored.credentialIssuedAtEpochMilli()) : null));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
