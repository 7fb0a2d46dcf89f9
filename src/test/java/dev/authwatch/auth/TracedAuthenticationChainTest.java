package dev.authwatch.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TracedAuthenticationChainTest {

	private final List<AuthAttempt> attempts = new ArrayList<>();

	private final List<String> steps = new ArrayList<>();

	private final ChainTrace trace = (step, verdict, reason, nanos) -> this.steps
		.add(step + "=" + verdict + ((reason != null) ? ":" + reason.code() : ""));

	@Test
	void tracedRunReportsEveryAuthenticatorAskedAndIsRecordedLikeAnyAttempt() {
		AuthenticationChain chain = chain(List.of(), fixed(AuthMethod.JWT, AuthDecision.notMine()),
				fixed(AuthMethod.TICKET, AuthDecision.rejected(FailureReason.TICKET_INVALID)),
				fixed(AuthMethod.SESSION, AuthDecision.authenticated(principal())));

		AuthDecision decision = chain.authenticate(request(null), this.trace);

		assertThat(decision).isInstanceOf(AuthDecision.Rejected.class);
		assertThat(this.steps).containsExactly("origin=allowed", "jwt=not_mine", "ticket=rejected:ticket_invalid");
		assertThat(this.attempts).singleElement().satisfies((attempt) -> {
			assertThat(attempt.method()).isEqualTo(AuthMethod.TICKET);
			assertThat(attempt.failure()).isEqualTo(FailureReason.TICKET_INVALID);
		});
	}

	@Test
	void tracedRunStopsAtARefusedOrigin() {
		AuthenticationChain chain = chain(List.of("https://chat.example.com"),
				fixed(AuthMethod.JWT, AuthDecision.authenticated(principal())));

		AuthDecision decision = chain.authenticate(request("https://evil.example.com"), this.trace);

		assertThat(((AuthDecision.Rejected) decision).reason()).isEqualTo(FailureReason.ORIGIN_REJECTED);
		assertThat(this.steps).containsExactly("origin=rejected:origin_rejected");
		assertThat(this.attempts).hasSize(1);
	}

	@Test
	void tracedAndUntracedRunsDecideAlike() {
		AuthenticationChain chain = chain(List.of(), fixed(AuthMethod.JWT, AuthDecision.authenticated(principal())));

		assertThat(chain.authenticate(request(null), this.trace)).isEqualTo(chain.authenticate(request(null)));
		assertThat(this.steps).containsExactly("origin=allowed", "jwt=authenticated");
		assertThat(this.attempts).hasSize(2).allMatch(AuthAttempt::succeeded);
	}

	@Test
	void aTraceIsClaimedOnceAndUnknownIdsAreIgnored() {
		HandshakeTraces traces = new HandshakeTraces();
		String id = traces.register(this.trace);

		assertThat(traces.claim("00000000000000000000000000000000")).isNull();
		assertThat(traces.claim(null)).isNull();
		assertThat(traces.claim(id)).isSameAs(this.trace);
		assertThat(traces.claim(id)).isNull();
	}

	private AuthenticationChain chain(List<String> origins, Authenticator... authenticators) {
		return new AuthenticationChain(new OriginPolicy(origins, false), List.of(authenticators),
				List.of(this.attempts::add));
	}

	private static Authenticator fixed(AuthMethod method, AuthDecision decision) {
		return new Authenticator() {

			@Override
			public AuthMethod method() {
				return method;
			}

			@Override
			public AuthDecision authenticate(org.springframework.http.server.ServerHttpRequest request) {
				return (decision instanceof AuthDecision.Authenticated authenticated)
						? AuthDecision.authenticated(authenticated.principal().withMethod(method)) : decision;
			}

		};
	}

	private static AuthenticatedPrincipal principal() {
		return new AuthenticatedPrincipal("alice", Set.of("user"), AuthMethod.JWT, Instant.now().plusSeconds(60));
	}

	private static ServletServerHttpRequest request(String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws/chat");
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		return new ServletServerHttpRequest(request);
	}

}
