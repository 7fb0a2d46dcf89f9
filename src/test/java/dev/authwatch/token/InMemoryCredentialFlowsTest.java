package dev.authwatch.token;

import dev.authwatch.support.CredentialsTest;

import org.springframework.boot.test.web.server.LocalServerPort;

@CredentialsTest
class InMemoryCredentialFlowsTest
		implements RefreshFlowContract, GuestFlowContract, SessionFlowContract, PasswordResetFlowContract {

	@LocalServerPort
	int port;

	@Override
	public int port() {
		return this.port;
	}

}
