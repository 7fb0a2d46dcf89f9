package dev.authwatch.auth;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.authwatch.AuthWatchApplication;
import dev.authwatch.auth.jwt.AccessTokenIssuer;
import dev.authwatch.support.RedisTestServer;
import dev.authwatch.token.RefreshTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A JWT handshake's authentication as the running service does it, through the real
 * {@link AuthenticationChain} of a started application: origin check, rate-limit gate, JWT
 * validation (a reconnecting token: already verified), the revocation check (the family's
 * standing for a login's token; for a token without a login, what the instance knows), the
 * attempt listeners. {@code store=redis} runs against a real Redis: the family lookup is a round
 * trip. The {@code gates…} benchmarks time only the chain's gates after a success (rate limit and
 * revocation), the part the revocation check changes. Rate limits are off (the same for every variant): a single user would exhaust them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandshakeAuthenticationBenchmark {

	@Param({ "memory", "redis" })
	public String store;

	private ConfigurableApplicationContext context;

	private AuthenticationChain chain;

	private String loginToken;

	private String tokenWithoutLogin;

	private List<HandshakeGate> gates;

	private AuthenticatedPrincipal loginPrincipal;

	private AuthenticatedPrincipal principalWithoutLogin;

	@Setup(Level.Trial)
	public void start() {
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--authwatch.jwt.secret=benchmark-secret-0123456789abcdefghijklmn",
				"--authwatch.rate-limit.enabled=false", "--authwatch.store=" + this.store));
		if (this.store.equals("redis")) {
			args.add("--spring.data.redis.host=" + RedisTestServer.uri().getHost());
			args.add("--spring.data.redis.port=" + RedisTestServer.uri().getPort());
		}
		this.context = new SpringApplicationBuilder(AuthWatchApplication.class).run(args.toArray(String[]::new));
		this.chain = this.context.getBean(AuthenticationChain.class);
		this.loginToken = this.context.getBean(RefreshTokens.class).login("bench-user", List.of("user")).access().value();
		this.tokenWithoutLogin = this.context.getBean(AccessTokenIssuer.class).issue("bench-cli-user", List.of("user")).value();
		this.gates = this.context.getBeanProvider(HandshakeGate.class).orderedStream().toList();
		this.loginPrincipal = ((AuthDecision.Authenticated) loginToken()).principal();
		this.principalWithoutLogin = ((AuthDecision.Authenticated) tokenWithoutLogin()).principal();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public AuthDecision loginToken() {
		return this.chain.authenticate(request(this.loginToken));
	}

	@Benchmark
	public AuthDecision tokenWithoutLogin() {
		return this.chain.authenticate(request(this.tokenWithoutLogin));
	}

	@Benchmark
	public AuthDecision.Rejected gatesLoginToken() {
		return afterAuthentication(this.loginPrincipal);
	}

	@Benchmark
	public AuthDecision.Rejected gatesTokenWithoutLogin() {
		return afterAuthentication(this.principalWithoutLogin);
	}

	private AuthDecision.Rejected afterAuthentication(AuthenticatedPrincipal principal) {
		AuthDecision.Rejected refused = null;
		for (HandshakeGate gate : this.gates) {
			refused = gate.afterAuthentication(principal);
		}
		return refused;
	}

	private static ServletServerHttpRequest request(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws/chat");
		request.addHeader("Authorization", "Bearer " + token);
		request.addHeader("Upgrade", "websocket");
		return new ServletServerHttpRequest(request);
	}

}
