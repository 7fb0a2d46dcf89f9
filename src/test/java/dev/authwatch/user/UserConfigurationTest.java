package dev.authwatch.user;

import dev.authwatch.config.AuthWatchProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class UserConfigurationTest {

	@EnableConfigurationProperties(AuthWatchProperties.class)
	static class Properties {

	}

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(UserConfiguration.class, Properties.class);

	@Test
	void noAccountExistsUnlessConfigured() {
		this.contexts.run((context) -> assertThat(context.getBean(UserStore.class).find("admin")).isEmpty());
	}

	@Test
	void configuredUsersKeepTheirRolesAndDefaultToUser() {
		this.contexts
			.withPropertyValues("authwatch.users[0].username=ann", "authwatch.users[0].password={noop}pw",
					"authwatch.users[1].username=root", "authwatch.users[1].password={noop}pw",
					"authwatch.users[1].roles=admin")
			.run((context) -> {
				UserStore users = context.getBean(UserStore.class);
				assertThat(users.find("ann"))
					.hasValueSatisfying((user) -> assertThat(user.roles()).containsExactly("user"));
				assertThat(users.find("root"))
					.hasValueSatisfying((user) -> assertThat(user.roles()).containsExactly("admin"));
			});
	}

	@Test
	void aLegacyDigestOrAMissingEncodingIdStopsStartupNamingTheProperty() {
		for (String password : new String[] { "{MD5}5f4dcc3b5aa765d61d8327deb882cf99", "plain-text" }) {
			this.contexts
				.withPropertyValues("authwatch.users[0].username=ann", "authwatch.users[0].password=" + password)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("authwatch.users[0].password"));
		}
	}

	@Test
	void aUsernameConfiguredTwiceStopsStartup() {
		this.contexts
			.withPropertyValues("authwatch.users[0].username=ann", "authwatch.users[0].password={noop}a",
					"authwatch.users[1].username=ann", "authwatch.users[1].password={noop}b")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("configured twice"));
	}

}
