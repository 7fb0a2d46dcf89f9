package dev.authwatch.security;

import java.util.Map;

import dev.authwatch.support.RunningApp;

/** The revocation races on a real Redis. */
class RedisRevocationRaceTest extends RevocationRaceContract {

	@Override
	Map<String, Object> storeProperties() {
		return RunningApp.onRedis();
	}

}
