package dev.authwatch.admin;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enabled.class);

	@Test
	void dashboardRefreshesEveryTenSecondsByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(AdminProperties.class).dashboardRefreshInterval())
			.isEqualTo(Duration.ofSeconds(10)));
	}

	@Test
	void refreshIntervalIsTakenInMillisecondsFromTheEnvironmentVariable() {
		this.runner
			.withPropertyValues("ADMIN_DASHBOARD_AUTO_REFRESH_INTERVAL=2500",
					"authwatch.admin.dashboard-refresh-interval=${ADMIN_DASHBOARD_AUTO_REFRESH_INTERVAL}ms")
			.run((context) -> assertThat(context.getBean(AdminProperties.class).dashboardRefreshInterval())
				.isEqualTo(Duration.ofMillis(2500)));
	}

	@Test
	void aRefreshIntervalBelowOneSecondStopsStartupNamingTheVariable() {
		this.runner.withPropertyValues("authwatch.admin.dashboard-refresh-interval=200ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ADMIN_DASHBOARD_AUTO_REFRESH_INTERVAL"));
	}

	@Test
	void aLongLivedTestConnectionTokenIsRefused() {
		this.runner.withPropertyValues("authwatch.admin.test-connection-token-ttl=1h")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("authwatch.admin.test-connection-token-ttl"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AdminProperties.class)
	static class Enabled {

	}

}
