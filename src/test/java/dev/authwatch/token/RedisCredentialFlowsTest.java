package dev.authwatch.token;

import dev.authwatch.support.CredentialsTest;
import dev.authwatch.support.RedisTestServer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CredentialsTest
class RedisCredentialFlowsTest
		implements RefreshFlowContract, GuestFlowContract, SessionFlowContract, PasswordResetFlowContract {

	@LocalServerPort
	int port;

	@Override
	public int port() {
		return this.port;
	}

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		RedisTestServer.register(registry);
	}

}
