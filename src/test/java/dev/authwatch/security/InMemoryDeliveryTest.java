package dev.authwatch.security;

import java.util.Map;

/** Delivery on the memory store. */
class InMemoryDeliveryTest extends DeliveryContract {

	@Override
	Map<String, Object> storeProperties() {
		return Map.of("authwatch.store", "memory");
	}

}
