package dev.authwatch.admin;

import java.time.Clock;
import java.util.List;

import dev.authwatch.admin.audit.AuditConfiguration;
import dev.authwatch.admin.audit.AuditLog;
import dev.authwatch.admin.audit.InMemoryAuditLog;
import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.AuthenticatedPrincipal;
import dev.authwatch.auth.RevocationCheck;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.Admission;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.crypto.UserKeys;
import dev.authwatch.events.AuthEventLog;
import dev.authwatch.events.EventsProperties;
import dev.authwatch.metrics.AuthMetrics;
import dev.authwatch.metrics.LimitMetrics;
import dev.authwatch.support.TestJwtProperties;
import dev.authwatch.support.TestSecrets;
import dev.authwatch.support.TestTokens;
import dev.authwatch.token.RefreshTokens;
import dev.authwatch.websocket.WebSocketProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API's access rules and audit, on the MVC slice with the real token
 * validation.
 */
@WebMvcTest(controllers = { WebSocketAuthAdminController.class, SessionController.class })
@Import({ AdminSecurityConfiguration.class, AuditConfiguration.class,
		AdminAccessRulesWebMvcTest.RealSecurityCollaborators.class })
class AdminAccessRulesWebMvcTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@MockitoBean
	MetricsReport metrics;

	@MockitoBean
	TestConnection testConnection;

	@MockitoBean
	EventStream events;

	@MockitoBean
	UserConnections connections;

	@MockitoBean
	RefreshTokens refreshTokens;

	@MockitoBean(name = "wsAuth")
	HealthIndicator wsAuth;

	@Test
	void anonymousCallerGetsA401WithTheTaxonomyReasonAndIsAudited() throws Exception {
		this.mvc.perform(get(AdminApi.BASE_PATH + "/metrics"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"authwatch\""))
			.andExpect(jsonPath("$.error").value("missing_credentials"));

		then(this.metrics).shouldHaveNoInteractions();
		assertThat(this.audit.recent(1)).singleElement()
			.satisfies((entry) -> assertThat(entry.who() + " " + entry.status() + " " + entry.clientIp())
				.isEqualTo("anonymous 401 127.0.0.1"));
	}

	@Test
	void expiredAdminTokenIsRejectedAsExpired() throws Exception {
		String expired = TestTokens.customised((jwt) -> jwt.claim("roles", List.of("admin"))
			.issuedAt(java.util.Date.from(java.time.Instant.now().minusSeconds(600)))
			.expiration(java.util.Date.from(java.time.Instant.now().minusSeconds(300))));

		this.mvc.perform(get(AdminApi.BASE_PATH + "/health").header("Authorization", "Bearer " + expired))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("expired"));
	}

	@Test
	void userWithoutTheAdminRoleCannotDisconnectAnyone() throws Exception {
		this.mvc
			.perform(delete(AdminApi.BASE_PATH + "/session/alice").header("Authorization",
					"Bearer " + TestTokens.valid("eve", "user")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("forbidden"));

		then(this.refreshTokens).should(never()).revokeAllOf(anyString());
		assertThat(this.audit.recent(1)).singleElement().satisfies((entry) -> {
			assertThat(entry.who()).isEqualTo("eve");
			assertThat(entry.target()).isEqualTo("alice");
			assertThat(entry.outcome()).isEqualTo("denied");
		});
	}

	@Test
	void adminDisconnectsAUserAndTheRequestIsAuditedWithItsTarget() throws Exception {
		this.mvc
			.perform(delete(AdminApi.BASE_PATH + "/session/alice").header("Authorization",
					"Bearer " + TestTokens.valid("root", "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.closeCode").value(4003));

		then(this.refreshTokens).should().revokeAllOf("alice");
		assertThat(this.audit.recent(1)).singleElement().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("DELETE " + AdminApi.BASE_PATH + "/session/alice");
			assertThat(entry.who()).isEqualTo("root");
			assertThat(entry.outcome()).isEqualTo("allowed");
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AdminProperties.class, EventsProperties.class, WebSocketProperties.class })
	static class RealSecurityCollaborators {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		AccessTokenValidator accessTokenValidator(Clock clock) {
			return new AccessTokenValidator(JwtKeyRing.of(TestSecrets.bytes(TestSecrets.CURRENT), null),
					TestJwtProperties.withSecrets(TestSecrets.CURRENT, TestSecrets.PREVIOUS), clock);
		}

		/**
		 * The real validation; revocation is the security tests' subject, here nothing is
		 * revoked.
		 */
		@Bean
		Admission admission(AccessTokenValidator validator) {
			return new Admission(validator, new RevocationCheck() {

				@Override
				public AuthDecision.Rejected atHandshake(AuthenticatedPrincipal principal) {
					return null;
				}

				@Override
				public AuthDecision.Rejected current(AuthenticatedPrincipal principal) {
					return null;
				}

			});
		}

		/**
		 * The memory store's audit log; which backend holds it is the store
		 * configuration's subject.
		 */
		@Bean
		AuditLog auditLog() {
			return new InMemoryAuditLog(1000);
		}

		@Bean
		AuthMetrics authMetrics() {
			return new AuthMetrics(new SimpleMeterRegistry());
		}

		@Bean
		AuthEventLog authEventLog(Clock clock) {
			return new AuthEventLog(100, new UserKeys(), clock);
		}

		@Bean
		LimitMetrics limitMetrics() {
			return new LimitMetrics(new SimpleMeterRegistry());
		}

	}

}
