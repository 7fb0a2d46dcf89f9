package dev.authwatch.store;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.authwatch.token.ResetTokenStore;

/**
 * Reset tokens in this JVM: a bounded cache with the reset TTL; removal from its map is
 * atomic.
 */
final class InMemoryResetTokenStore implements ResetTokenStore {

	private final Cache<String, String> tokens;

	InMemoryResetTokenStore(long maximumSize, Duration ttl) {
		this.tokens = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).build();
	}

	@Override
	public void save(String tokenHash, String username, Duration ttl) {
		this.tokens.put(tokenHash, username);
	}

	@Override
	public Optional<String> take(String tokenHash) {
		return Optional.ofNullable(this.tokens.asMap().remove(tokenHash));
	}

}
