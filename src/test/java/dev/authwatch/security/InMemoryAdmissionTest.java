package dev.authwatch.security;

import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.support.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestSecrets.SECRET_PROPERTY)
@Import(MutableUsersConfiguration.class)
class InMemoryAdmissionTest implements AdmissionContract {

	@LocalServerPort
	int port;

	@Autowired
	MutableUserStore users;

	@Autowired
	AccessTokenIssuer issuer;

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public MutableUserStore users() {
		return this.users;
	}

	@Override
	public AccessTokenIssuer issuer() {
		return this.issuer;
	}

}
