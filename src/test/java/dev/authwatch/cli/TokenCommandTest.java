package dev.authwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.authwatch.auth.AuthDecision;
import dev.authwatch.auth.jwt.AccessTokenValidator;
import dev.authwatch.auth.jwt.JwtKeyRing;
import dev.authwatch.auth.jwt.JwtProperties;
import dev.authwatch.support.TestJwtProperties;
import dev.authwatch.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@BeforeEach
	void capture() {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
		System.setProperty("authwatch.jwt.secret", TestSecrets.CURRENT);
	}

	@AfterEach
	void restore() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
		System.clearProperty("authwatch.jwt.secret");
	}

	@Test
	void printsOnlyATokenTheServiceAccepts() {
		int exit = CommandLine.run(new String[] { "token", "--sub", "alice", "--roles", "user,admin", "--ttl", "5m" });

		assertThat(exit).isZero();
		String token = this.out.toString(StandardCharsets.UTF_8).trim();
		assertThat(token.lines()).hasSize(1);
		AuthDecision decision = validator().validate(token);
		assertThat(decision).isInstanceOfSatisfying(AuthDecision.Authenticated.class, (authenticated) -> {
			assertThat(authenticated.principal().userId()).isEqualTo("alice");
			assertThat(authenticated.principal().roles()).containsExactlyInAnyOrder("user", "admin");
		});
	}

	@Test
	void missingSubjectIsAUsageErrorWithExitCode2() {
		int exit = CommandLine.run(new String[] { "token", "--roles", "admin" });

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--sub is required").contains("usage:");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void unreadableTtlIsAUsageError() {
		int exit = CommandLine.run(new String[] { "token", "--sub", "alice", "--ttl", "soon" });

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--ttl");
	}

	@Test
	void weakSecretIsReportedWithoutAStackTrace() {
		System.setProperty("authwatch.jwt.secret", "short");

		int exit = CommandLine.run(new String[] { "token", "--sub", "alice" });

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("JWT_SECRET").doesNotContain("\tat ");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	private static AccessTokenValidator validator() {
		JwtProperties properties = TestJwtProperties.withSecrets(TestSecrets.CURRENT, null);
		return new AccessTokenValidator(JwtKeyRing.of(TestSecrets.bytes(TestSecrets.CURRENT), null), properties,
				Clock.systemUTC());
	}

}
