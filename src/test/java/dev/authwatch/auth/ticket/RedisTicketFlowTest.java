package dev.authwatch.auth.ticket;

import dev.authwatch.support.RedisTestServer;
import dev.authwatch.support.TestSecrets;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command timeout is raised from the production 500 ms: sixty simultaneous
 * redemptions on a loaded two-core CI machine must race on GETDEL, not on the clock.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, "spring.data.redis.timeout=3s" })
class RedisTicketFlowTest extends TicketFlowContract {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisTestServer.register(registry);
	}

}
