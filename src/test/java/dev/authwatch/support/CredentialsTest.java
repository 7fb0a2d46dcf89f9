package dev.authwatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The running app with the credential tests' users, origin and data directory (its
 * outbox); one set of properties so that every test class using it shares one context per
 * store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { TestSecrets.SECRET_PROPERTY, TestUsers.ALICE, TestUsers.ALICE_PASSWORD, TestUsers.BOB,
				TestUsers.BOB_PASSWORD, TestUsers.ROOT, TestUsers.ROOT_PASSWORD, TestUsers.ROOT_ROLES, TestUsers.CAROL,
				TestUsers.CAROL_PASSWORD, TestUsers.ORIGINS, TestUsers.DATA_DIR, TestUsers.GENEROUS_LOGIN_LIMIT })
public @interface CredentialsTest {

}
