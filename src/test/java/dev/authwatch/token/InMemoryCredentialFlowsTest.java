package dev.authwatch.token;

import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestUsers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE,
		TestUsers.ALICE_PASSWORD, TestUsers.BOB, TestUsers.BOB_PASSWORD, TestUsers.ROOT, TestUsers.ROOT_PASSWORD, TestUsers.ROOT_ROLES,
		TestUsers.ORIGINS })
class InMemoryCredentialFlowsTest implements RefreshFlowContract, GuestFlowContract, SessionFlowContract {

	@LocalServerPort
	int port;

	@Override
	public int port() {
		return this.port;
	}

}
