package dev.authwatch.security;

import java.util.Map;

/** The revocation races on the memory store. */
class InMemoryRevocationRaceTest extends RevocationRaceContract {

	@Override
	Map<String, Object> storeProperties() {
		return Map.of("authwatch.store", "memory");
	}

}
