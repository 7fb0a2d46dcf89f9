package dev.authwatch.auth.oauth;

import dev.authwatch.auth.Authenticator;
import dev.authwatch.auth.BearerClaims;
import dev.authwatch.auth.BearerTokenResolver;
import dev.authwatch.auth.BearerTokenRouter;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.OAuthMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Infrastructure.class, OAuthConfiguration.class, OAuthLoginConfiguration.class);

	@Test
	void withNoProviderConfiguredTheOauthMethodIsOff() {
		this.runner.withPropertyValues("authwatch.oauth.issuer=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Authenticator.class);
			assertThat(context).doesNotHaveBean(BearerTokenRouter.ExternalProvider.class);
			assertThat(context).doesNotHaveBean(AuthorizationRequests.class);
		});
	}

	@Test
	void withAnIntrospectionEndpointTheOauthMethodIsOn() {
		this.runner
			.withPropertyValues("authwatch.oauth.introspection-uri=http://127.0.0.1:1/introspect",
					"authwatch.oauth.client-id=c", "authwatch.oauth.client-secret=s")
			.run((context) -> assertThat(context).hasSingleBean(Authenticator.class)
				.hasSingleBean(BearerTokenRouter.ExternalProvider.class));
	}

	@Test
	void jwksWithoutIssuerStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("authwatch.oauth.jwks-uri=http://127.0.0.1:1/jwks")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("authwatch.oauth.jwks-uri needs authwatch.oauth.issuer"));
	}

	@Test
	void jwksWithoutAudienceStopsStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("authwatch.oauth.issuer=https://idp.example",
					"authwatch.oauth.jwks-uri=http://127.0.0.1:1/jwks")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("authwatch.oauth.jwks-uri needs authwatch.oauth.audience"));
	}

	@Test
	void blankSubjectPrefixStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("authwatch.oauth.introspection-uri=http://127.0.0.1:1/introspect",
				"authwatch.oauth.client-id=c", "authwatch.oauth.client-secret=s", "authwatch.oauth.subject-prefix= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("authwatch.oauth.subject-prefix"));
	}

	@Test
	void introspectionWithoutClientCredentialsStopsStartupNamingTheProperties() {
		this.runner.withPropertyValues("authwatch.oauth.introspection-uri=http://127.0.0.1:1/introspect")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("authwatch.oauth.client-id"));
	}

	@Test
	void loginIsOnWithAnAuthorizationEndpointAndItsCompanions() {
		this.runner
			.withPropertyValues("authwatch.oauth.authorization-uri=https://idp.example/authorize",
					"authwatch.oauth.token-uri=https://idp.example/token",
					"authwatch.oauth.userinfo-uri=https://idp.example/userinfo",
					"authwatch.oauth.redirect-uri=https://chat.example/api/auth/oauth/callback",
					"authwatch.oauth.client-id=c", "authwatch.oauth.client-secret=s")
			.run((context) -> assertThat(context).hasSingleBean(AuthorizationRequests.class)
				.hasSingleBean(OAuthLoginClient.class)
				.doesNotHaveBean(Authenticator.class));
	}

	@Test
	void incompleteLoginConfigurationStopsStartupNamingTheProperties() {
		this.runner.withPropertyValues("authwatch.oauth.authorization-uri=https://idp.example/authorize")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("needs token-uri, userinfo-uri, redirect-uri"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OAuthProperties.class)
	static class Infrastructure {

		@Bean
		java.time.Clock clock() {
			return java.time.Clock.systemUTC();
		}

		@Bean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			return CircuitBreakerRegistry.ofDefaults();
		}

		@Bean
		OAuthMetrics oauthMetrics(java.time.Clock clock) {
			return new OAuthMetrics(new SimpleMeterRegistry(), clock);
		}

		@Bean
		AuthMetrics authMetrics() {
			return new AuthMetrics(new SimpleMeterRegistry());
		}

		@Bean
		BearerClaims bearerClaims() {
			return new BearerClaims(new BearerTokenResolver(false),
					new BearerTokenRouter("authwatch", new BearerTokenRouter.ExternalProvider("https://idp.example")));
		}

	}

}
